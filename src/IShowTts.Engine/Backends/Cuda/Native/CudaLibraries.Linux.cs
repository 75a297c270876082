// Linux file names and folders for CudaLibraries: sonames of CUDA 13 and 12, the toolkit's
// targets/<arch>/lib folders (x86-64 and aarch64 incl. Jetson's /usr/local/cuda/lib64), the driver's
// container mount (/usr/local/nvidia/lib64) and pip wheels (nvidia/<pkg>/lib, nvidia/cu13/lib).
namespace IShowTts.Engine.Backends.Cuda.Native;

internal static partial class CudaLibraries
{
    private static readonly (int, string)[] LinuxDriverNames = [(0, "libcuda.so.1"), (0, "libcuda.so")];
    private static readonly (int, string)[] LinuxNvrtcNames = [(13, "libnvrtc.so.13"), (12, "libnvrtc.so.12")];
    private static readonly (int, string)[] LinuxCublasLtNames = [(13, "libcublasLt.so.13"), (12, "libcublasLt.so.12")];

    private static IEnumerable<string> LinuxDriverFolders() =>
    [
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/local/nvidia/lib64",
        "/usr/local/nvidia/lib", "/usr/lib/wsl/lib", "/usr/local/cuda/compat",
    ];

    private static IEnumerable<string> LinuxToolkitFolders()
    {
        foreach (var variable in new[] { "CUDA_HOME", "CUDA_PATH", "CUDA_ROOT" })
        {
            var root = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(root)) continue;
            yield return Path.Combine(root, "lib64");
            yield return Path.Combine(root, "lib");
            foreach (var d in Glob(root.TrimEnd('/') + "/targets/*/lib")) yield return d;
        }
        foreach (var d in Glob("/usr/local/cuda*/targets/*/lib")) yield return d;
        yield return "/usr/local/cuda/lib64";
        foreach (var d in Glob("/usr/local/cuda*/lib64")) yield return d;
        yield return "/usr/lib/x86_64-linux-gnu";
        yield return "/usr/lib/aarch64-linux-gnu";
        foreach (var site in PythonSiteFolders())
            foreach (var d in Glob(site + "/nvidia/*/lib")) yield return d;
    }

    private static IEnumerable<string> PythonSiteFolders()
    {
        var venv = Environment.GetEnvironmentVariable("VIRTUAL_ENV");
        if (!string.IsNullOrEmpty(venv))
            foreach (var d in Glob(venv.TrimEnd('/') + "/lib/python3*/site-packages")) yield return d;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
            foreach (var d in Glob(home.TrimEnd('/') + "/.local/lib/python3*/site-packages")) yield return d;
        foreach (var pattern in new[]
                 {
                     "/opt/*/.venv/lib/python3*/site-packages", "/opt/*/lib/python3*/site-packages",
                     "/usr/local/lib/python3*/dist-packages", "/usr/local/lib/python3*/site-packages",
                     "/usr/lib/python3*/dist-packages", "/usr/lib/python3/dist-packages",
                 })
            foreach (var d in Glob(pattern)) yield return d;
    }
}
