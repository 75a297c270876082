// Every kernel module compiles with NVRTC for each architecture we support (Turing to Hopper, Jetson
// Orin's sm_87 included). Needs only the NVRTC library, no GPU; skips where NVRTC is absent (CI).
// Modules for one exact target (attention_sm90a.cu: wgmma) are compiled for that target, sm_90a, in the
// sm_90 row only: the backend loads them on sm_90 devices alone.
using IShowTts.Engine.Backends.Cuda.Compilation;
using IShowTts.Engine.Backends.Cuda.Native;

namespace IShowTts.Engine.Tests.Cuda;

[Trait("Category", "Gpu")]
public sealed class CudaKernelCompileTests
{
    [Theory]
    [InlineData(75)]
    [InlineData(80)]
    [InlineData(86)]
    [InlineData(87)]
    [InlineData(89)]
    [InlineData(90)]
    public void EveryKernelCompilesForTheArchitecture(int arch)
    {
        if (!CudaLibraries.TryLoadNvrtc(out var reason)) Assert.Skip($"no NVRTC: {reason}");
        var uncached = new KernelCache(null);
        var lines = new List<string>();
        foreach (var module in KernelSources.Modules)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var target = KernelSources.TargetFor(module, $"sm_{arch}");
            if (target is null)
            {
                lines.Add($"sm_{arch} {module}: skipped (only for {KernelSources.ArchSpecificTarget(module)})");
                continue;
            }
            // The arch-specific (wgmma) modules with ptxas's resource report: registers, spills and any
            // "wgmma serialized" performance warning (C7515) go to the report.
            bool verbose = KernelSources.ArchSpecificTarget(module) is not null;
            var compiled = KernelCompiler.Compile(module, target, uncached, verbose ? ["--ptxas-options=-v"] : null);
            lines.Add($"{target} {module}: {compiled.Image.Length} bytes CUBIN in {clock.ElapsedMilliseconds} ms");
            if (verbose)
                lines.AddRange(compiled.Log.Split('\n').Select(l => l.Trim())
                    .Where(l => l.Contains("Compiling entry", StringComparison.Ordinal) || l.Contains("Used ", StringComparison.Ordinal) ||
                                l.Contains("spill", StringComparison.Ordinal) || l.Contains("C75", StringComparison.Ordinal) || l.Contains("arning", StringComparison.Ordinal))
                    .Select(l => "  ptxas: " + l));
            Assert.True(compiled.IsCubin);
            Assert.NotEmpty(compiled.Image);
        }
        var text = $"NVRTC {KernelCompiler.NvrtcVersion()}\n" + string.Join("\n", lines);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        var report = Environment.GetEnvironmentVariable("ISHOWTTS_GPU_REPORT");
        if (!string.IsNullOrEmpty(report)) File.AppendAllText(report, text + Environment.NewLine);
    }
}
