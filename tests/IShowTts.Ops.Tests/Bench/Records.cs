// Synthetic bench records for the statistics, regression, history and chart tests: runs drawn around a
// given median with a given spread, deterministic, with the phases mel / steps / vocoder splitting each run.
using IShowTts.Ops.Bench;
using IShowTts.Ops.Machine;

namespace IShowTts.Ops.Tests.Bench;

internal static class Records
{
    public static MachineFacts Machine(string commit = "0123456789abcdef") =>
        new("host", "Linux", ".NET 10", "Test CPU", 2, 8L << 30, commit, null, null, null, "no NVIDIA driver (test)");

    /// <summary>
    /// Runs around <paramref name="median"/> seconds with relative spread <paramref name="spread"/>: the
    /// offsets −1, −½, 0, +½, +1 (× spread × median × 1.26, so the sample standard deviation over the mean is
    /// spread), repeated to <paramref name="runs"/> values; the median is exact.
    /// </summary>
    public static double[] Runs(double median, double spread, int runs = 5)
    {
        double[] unit = [-1, -0.5, 0, 0.5, 1];
        double k = 1 / Math.Sqrt(unit.Sum(u => u * u) / (unit.Length - 1)); // makes the sample SD of unit·k equal 1
        return Enumerable.Range(0, runs).Select(i => median * (1 + spread * k * unit[i % unit.Length])).ToArray();
    }

    /// <summary>One NFE's result whose runs split into phases by the given shares (mel, steps, vocoder) of each run.</summary>
    public static BenchNfeResult Result(int nfe, double median, double spread = 0.01, int runs = 5,
        (double Mel, double Steps, double Vocoder)? split = null, IReadOnlyDictionary<string, IReadOnlyList<double>>? phases = null)
    {
        var seconds = Runs(median, spread, runs);
        var (mel, steps, vocoder) = split ?? (0.1, 0.8, 0.1);
        phases ??= new Dictionary<string, IReadOnlyList<double>>
        {
            ["mel"] = seconds.Select(s => s * mel).ToArray(),
            ["steps"] = seconds.Select(s => s * steps).ToArray(),
            ["vocoder"] = seconds.Select(s => s * vocoder).ToArray(),
        };
        return new BenchNfeResult(nfe, 4.149, seconds, phases, null, 1L << 30, "process_peak_resident");
    }

    public static BenchRecord Record(IReadOnlyList<BenchNfeResult> results, DateTimeOffset? when = null, string workload = "W1",
        string device = "CPU (2 cores)", string commit = "0123456789abcdef", double? targetRtf = null) =>
        new(BenchRecord.CurrentSchema, when ?? new DateTimeOffset(2026, 11, 25, 6, 30, 0, TimeSpan.Zero), workload, "random", "cpu", device,
            "OpenBLAS (test)", 1, targetRtf, Machine(commit), results);
}
