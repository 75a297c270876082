// The cross-backend op test: every row of OpTable runs on the CPU backend (float32 reference) and on the
// CUDA backend with the same fresh random inputs, compared by relative L2 (F32 ≤ 1e-5, F16/BF16 ≤ 1e-2,
// NaN never). The error of every row is printed (and appended to $ISHOWTTS_GPU_REPORT when set).
// The seed changes every run; ISHOWTTS_TEST_SEED replays one.
using IShowTts.Engine.Tensors;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Cuda;

[Trait("Category", "Gpu")]
public sealed class CudaBackendOpsTests(CudaBackendFixture fixture) : IClassFixture<CudaBackendFixture>
{
    private static readonly int BaseSeed =
        int.TryParse(Environment.GetEnvironmentVariable("ISHOWTTS_TEST_SEED"), out var s) ? s : Random.Shared.Next();

    public static TheoryData<string> Cases() => [.. OpTable.Rows.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void CudaOpMatchesTheCpuReference(string name)
    {
        var cuda = fixture.Require();
        var row = OpTable.Find(name);
        int seed = BaseSeed ^ StableHash(name);

        float[] expected, actual;
        using (var run = new OpRun(fixture.Cpu, row.Type, seed))
            expected = fixture.Cpu.ToArray(row.Run(run));
        using (var run = new OpRun(cuda, row.Type, seed))
        {
            var output = row.Run(run);
            actual = cuda.ToArray(output);
        }

        double error = Compare.RelativeL2(actual, expected);
        string line = $"{name}\trelL2 {error:E2}\ttol {row.Tolerance:E0}\tseed {seed}\t{(error <= row.Tolerance ? "ok" : "FAIL")}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var report = Environment.GetEnvironmentVariable("ISHOWTTS_GPU_REPORT");
        if (!string.IsNullOrEmpty(report)) File.AppendAllText(report, line + Environment.NewLine);
        Compare.AssertClose(actual, expected, row.Tolerance, $"{name} (seed {seed}; ISHOWTTS_TEST_SEED={BaseSeed} replays)");
    }

    /// <summary>FNV-1a: the same row gets the same offset from the base seed in every process.</summary>
    private static int StableHash(string text)
    {
        uint h = 2166136261;
        foreach (var c in text) h = (h ^ c) * 16777619;
        return (int)h;
    }
}
