// The CUDA C sources embedded in this assembly (Kernels/*.cu, LogicalName "Kernels/<file>.cu"): every
// module compiled at run time, plus common.cu, which the modules #include and NVRTC receives as a
// header. Reading them needs no GPU, so the compile-every-arch test uses this too. A module whose name
// ends in "_sm90a" uses Hopper-only instructions (wgmma): it is compiled for sm_90a on sm_90 devices only.
using System.Reflection;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

internal static class KernelSources
{
    private const string Prefix = "Kernels/";
    public const string CommonHeader = "common.cu";

    private static readonly Lazy<Dictionary<string, string>> All = new(ReadAll);

    /// <summary>Module names (file names without .cu), common.cu excluded, in ordinal order.</summary>
    public static IReadOnlyList<string> Modules { get; } =
        [.. All.Value.Keys.Where(k => k != Path.GetFileNameWithoutExtension(CommonHeader)).Order(StringComparer.Ordinal)];

    /// <summary>The exact target a module must be compiled for ("sm_90a"), or null when any arch will do.</summary>
    public static string? ArchSpecificTarget(string module) =>
        module.EndsWith("_sm90a", StringComparison.Ordinal) ? "sm_90a" : null;

    /// <summary>The NVRTC target for <paramref name="module"/> on a device compiled for <paramref name="deviceTarget"/>, or null to skip it.</summary>
    public static string? TargetFor(string module, string deviceTarget) => ArchSpecificTarget(module) switch
    {
        null => deviceTarget,
        "sm_90a" => deviceTarget == "sm_90" ? "sm_90a" : null,
        _ => null,
    };

    public static string Source(string module) =>
        All.Value.TryGetValue(module, out var s) ? s : throw new CudaException($"no embedded kernel source Kernels/{module}.cu");

    public static string Header => Source(Path.GetFileNameWithoutExtension(CommonHeader));

    private static Dictionary<string, string> ReadAll()
    {
        var assembly = typeof(KernelSources).Assembly;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".cu", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            result[Path.GetFileNameWithoutExtension(name[Prefix.Length..])] = reader.ReadToEnd();
        }
        if (result.Count == 0) throw new CudaException($"no Kernels/*.cu resources in {assembly.GetName().Name}");
        return result;
    }
}
