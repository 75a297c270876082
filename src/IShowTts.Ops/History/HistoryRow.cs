// The history as rows, one per bench and NFE, oldest first: what `bench history` prints as a table
// and what the chart draws (one series per workload, device and NFE).
using IShowTts.Ops.Bench;

namespace IShowTts.Ops.History;

public sealed record HistoryRow(DateTimeOffset Timestamp, string Commit, string Device, string Workload, int Nfe, double Median, double Rtf,
    double Spread, bool? Passed)
{
    public string Series => $"{Workload} NFE {Nfe} on {Device}";

    public static IReadOnlyList<HistoryRow> From(IEnumerable<BenchRecord> records, int? nfe = null) =>
        records.OrderBy(r => r.Timestamp)
            .SelectMany(r => r.Results.Where(x => nfe is null || x.Nfe == nfe).Select(x => new HistoryRow(r.Timestamp,
                r.Machine.Commit.Length > 10 ? r.Machine.Commit[..10] : r.Machine.Commit, r.DeviceName, r.Workload, x.Nfe, x.Median, x.Rtf, x.Spread,
                r.TargetRtf is { } t ? x.Rtf <= t : null)))
            .ToList();
}
