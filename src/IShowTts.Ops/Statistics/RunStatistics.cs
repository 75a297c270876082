// Summary of repeated timings of one thing (seconds per run): mean, median, best, worst and the
// run-to-run spread (sample standard deviation over the mean, the "±%" of the original's reports).
// Pure arithmetic on the numbers it is given; it does not time anything.
namespace IShowTts.Ops.Statistics;

public sealed record RunStatistics(int Count, double Mean, double Median, double Best, double Worst, double StandardDeviation)
{
    /// <summary>Coefficient of variation: standard deviation / mean (0 for one run or a zero mean).</summary>
    public double Spread => Mean > 0 ? StandardDeviation / Mean : 0;

    public static RunStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no runs to summarise", nameof(values));
        var sorted = values.Order().ToArray();
        double mean = sorted.Average();
        double variance = sorted.Length > 1 ? sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1) : 0;
        return new RunStatistics(sorted.Length, mean, Percentile(sorted, 0.5), sorted[0], sorted[^1], Math.Sqrt(variance));
    }

    /// <summary>Linear interpolation between closest ranks of an ascending array (numpy's default).</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double p)
    {
        if (ascending.Count == 0) return double.NaN;
        double pos = p * (ascending.Count - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return ascending[lo] + (ascending[hi] - ascending[lo]) * (pos - lo);
    }
}
