// OpenBLAS (Debian's libopenblas0-pthread), loaded at run time by soname. Only cblas_sgemm is used.
// When no library is found the CPU backend falls back to ManagedGemm and says so once.
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cpu.Blas;

internal static unsafe partial class OpenBlas
{
    private const string Library = "openblas";

    // cblas.h (CBLAS_ORDER / CBLAS_TRANSPOSE)
    public const int RowMajor = 101;
    public const int NoTrans = 111;
    public const int Trans = 112;

    private static readonly Lazy<string?> LoadedFrom = new(TryLoad);

    /// <summary>The path of the loaded library, or null when none was found.</summary>
    public static string? Path => LoadedFrom.Value;

    public static bool IsAvailable => LoadedFrom.Value is not null;

    private static readonly string[] Candidates =
    [
        "libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
        "libopenblas.so",
    ];

    private static nint _handle;

    private static string? TryLoad()
    {
        if (Environment.GetEnvironmentVariable("ISHOWTTS_NO_BLAS") == "1") return null;
        ChooseCoreType();
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out _handle))
            {
                NativeLibrary.SetDllImportResolver(typeof(OpenBlas).Assembly, Resolve);
                return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// OpenBLAS's DYNAMIC_ARCH reads the CPU model and, on virtual machines that report a generic
    /// model, falls back to Prescott (SSE3) kernels. When the user has not chosen, pick the kernels
    /// for the vector width the CPU really has. Must run before the library initialises.
    /// </summary>
    private static void ChooseCoreType()
    {
        if (Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") is { Length: > 0 }) return;
        string? core = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "SkylakeX"
            : System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported ? "Haswell"
            : null;
        if (core is not null && OperatingSystem.IsLinux()) _ = LibC.SetEnv("OPENBLAS_CORETYPE", core, 0);
    }

    private static nint Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? path) =>
        name == Library ? _handle : 0;

    [LibraryImport(Library, EntryPoint = "cblas_sgemm")]
    public static partial void Sgemm(int order, int transA, int transB, int m, int n, int k,
        float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library, EntryPoint = "openblas_get_num_threads")]
    public static partial int GetNumThreads();

    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    public static partial void SetNumThreads(int threads);

    [LibraryImport(Library, EntryPoint = "openblas_get_config")]
    public static partial nint GetConfig();

    [LibraryImport(Library, EntryPoint = "openblas_get_corename")]
    public static partial nint GetCoreName();

    public static string Describe()
    {
        if (!IsAvailable) return "no BLAS (managed GEMM)";
        var config = (Marshal.PtrToStringAnsi(GetConfig()) ?? "OpenBLAS").Split(' ')[0..2];
        var core = Marshal.PtrToStringAnsi(GetCoreName()) ?? "unknown core";
        return $"{string.Join(' ', config)} ({core} kernels, {GetNumThreads()} threads)";
    }
}
