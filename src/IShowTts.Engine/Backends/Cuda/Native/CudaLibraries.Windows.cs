// Windows file names and folders for CudaLibraries: nvcuda.dll from the driver, the toolkit's DLLs in
// %CUDA_PATH%\bin (CUDA 12) or %CUDA_PATH%\bin\x64 (CUDA 13). Untested: no Windows GPU machine yet.
namespace IShowTts.Engine.Backends.Cuda.Native;

internal static partial class CudaLibraries
{
    private static readonly (int, string)[] WindowsDriverNames = [(0, "nvcuda.dll")];
    private static readonly (int, string)[] WindowsNvrtcNames = [(13, "nvrtc64_130_0.dll"), (12, "nvrtc64_120_0.dll")];
    private static readonly (int, string)[] WindowsCublasLtNames = [(13, "cublasLt64_13.dll"), (12, "cublasLt64_12.dll")];

    private static IEnumerable<string> WindowsToolkitFolders()
    {
        var root = Environment.GetEnvironmentVariable("CUDA_PATH");
        if (string.IsNullOrEmpty(root)) yield break;
        yield return Path.Combine(root, "bin", "x64");
        yield return Path.Combine(root, "bin");
    }
}
