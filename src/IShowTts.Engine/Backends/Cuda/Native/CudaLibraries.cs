// Finds and loads the three native libraries the CUDA backend binds (driver, NVRTC, cuBLASLt) and hands
// their handles to the [LibraryImport]s of CudaDriver, Nvrtc and CublasLt through the load context's
// ResolvingUnmanagedDll event (not SetDllImportResolver: the CPU backend's OpenBLAS owns that slot).
// Search order: ISHOWTTS_CUDA_LIB_DIR, the system loader by soname, then CUDA_HOME/CUDA_PATH, the usual
// toolkit folders and Python wheels (CudaLibraries.Linux.cs / .Windows.cs). CUDA 13 names come first
// when the driver is 13 or newer (or absent), else CUDA 12 names.
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace IShowTts.Engine.Backends.Cuda.Native;

internal static partial class CudaLibraries
{
    /// <summary>The logical names the bindings import; never real file names, so only our resolver answers.</summary>
    public const string DriverName = "ishowtts-cuda-driver";
    public const string NvrtcName = "ishowtts-cuda-nvrtc";
    public const string CublasLtName = "ishowtts-cuda-cublaslt";

    public const string LibraryDirectoryVariable = "ISHOWTTS_CUDA_LIB_DIR";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (nint Handle, string Path)> Loaded = new(StringComparer.Ordinal);
    private static bool _hooked;

    /// <summary>An explicit folder to search first (config); the environment variable is used when unset.</summary>
    public static string? ExplicitDirectory { get; set; }

    public static string? PathOf(string logicalName)
    {
        lock (Gate) return Loaded.TryGetValue(logicalName, out var l) ? l.Path : null;
    }

    /// <summary>Loads libcuda; false with a one-line reason when there is no NVIDIA driver.</summary>
    public static bool TryLoadDriver(out string reason) =>
        TryLoad(DriverName, OperatingSystem.IsWindows() ? WindowsDriverNames : LinuxDriverNames, toolkit: false, out reason);

    /// <summary>Loads NVRTC (13 or 12, preferring the driver's major version).</summary>
    public static bool TryLoadNvrtc(out string reason) =>
        TryLoad(NvrtcName, Ordered(OperatingSystem.IsWindows() ? WindowsNvrtcNames : LinuxNvrtcNames), toolkit: true, out reason);

    /// <summary>Loads cuBLASLt (13 or 12, preferring the driver's major version).</summary>
    public static bool TryLoadCublasLt(out string reason) =>
        TryLoad(CublasLtName, Ordered(OperatingSystem.IsWindows() ? WindowsCublasLtNames : LinuxCublasLtNames), toolkit: true, out reason);

    private static bool TryLoad(string logicalName, (int Major, string File)[] names, bool toolkit, out string reason)
    {
        lock (Gate)
        {
            Hook();
            if (Loaded.ContainsKey(logicalName))
            {
                reason = "";
                return true;
            }
            var tried = new List<string>();
            foreach (var path in Candidates(names, toolkit))
            {
                tried.Add(path);
                if (NativeLibrary.TryLoad(path, out var handle))
                {
                    Loaded[logicalName] = (handle, path);
                    reason = "";
                    return true;
                }
            }
            var files = string.Join(" or ", names.Select(n => n.File).Distinct());
            reason = toolkit
                ? $"{files} not found (searched the system loader path, {SearchDescription()}; set {LibraryDirectoryVariable} to the folder that holds it)"
                : $"no NVIDIA driver: {names[0].File} not found by the system loader or in the driver folders";
            return false;
        }
    }

    private static IEnumerable<string> Candidates((int Major, string File)[] names, bool toolkit)
    {
        var dir = ExplicitDirectory ?? Environment.GetEnvironmentVariable(LibraryDirectoryVariable);
        if (!string.IsNullOrEmpty(dir))
            foreach (var n in names) yield return Path.Combine(dir, n.File);
        // By soname through the system loader (ldconfig cache, LD_LIBRARY_PATH, PATH on Windows).
        foreach (var n in names) yield return n.File;
        var folders = toolkit ? ToolkitFolders() : DriverFolders();
        foreach (var folder in folders)
            foreach (var n in names)
            {
                var p = Path.Combine(folder, n.File);
                if (File.Exists(p)) yield return p;
            }
    }

    /// <summary>Names for the driver's CUDA major version first (13 when unknown).</summary>
    private static (int Major, string File)[] Ordered((int Major, string File)[] names)
    {
        int preferred = DriverMajorVersion() ?? 13;
        return names.OrderBy(n => n.Major == preferred ? 0 : 1).ThenByDescending(n => n.Major).ToArray();
    }

    private static int? DriverMajorVersion()
    {
        if (!Loaded.ContainsKey(DriverName)) return null;
        try
        {
            return CudaDriver.cuDriverGetVersion(out var v) == 0 ? v / 1000 : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ToolkitFolders() =>
        (OperatingSystem.IsWindows() ? WindowsToolkitFolders() : LinuxToolkitFolders()).Where(Directory.Exists).Distinct();

    private static IEnumerable<string> DriverFolders() =>
        (OperatingSystem.IsWindows() ? [] : LinuxDriverFolders()).Where(Directory.Exists).Distinct();

    private static string SearchDescription() => OperatingSystem.IsWindows()
        ? "CUDA_PATH\\bin"
        : "CUDA_HOME, CUDA_PATH, /usr/local/cuda*/targets/*/lib, /usr/local/cuda/lib64 and Python wheels' nvidia/*/lib";

    private static void Hook()
    {
        if (_hooked) return;
        var context = AssemblyLoadContext.GetLoadContext(typeof(CudaLibraries).Assembly) ?? AssemblyLoadContext.Default;
        context.ResolvingUnmanagedDll += Resolve;
        _hooked = true;
    }

    private static nint Resolve(Assembly assembly, string name)
    {
        if (assembly != typeof(CudaLibraries).Assembly) return 0;
        lock (Gate) return Loaded.TryGetValue(name, out var l) ? l.Handle : 0;
    }

    /// <summary>Expands "dir/*/sub" style patterns one wildcard level at a time.</summary>
    private static IEnumerable<string> Glob(string pattern)
    {
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> current = [pattern.StartsWith('/') ? "/" : ""];
        foreach (var part in parts)
        {
            if (part.Contains('*'))
                current = current.Where(Directory.Exists).SelectMany(d =>
                {
                    try { return Directory.GetDirectories(d, part).OrderDescending(StringComparer.Ordinal); }
                    catch (IOException) { return []; }
                    catch (UnauthorizedAccessException) { return []; }
                });
            else
                current = current.Select(d => Path.Combine(d, part));
        }
        return current;
    }
}
