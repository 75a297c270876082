// Decides whether a bench is slower than its baseline, per NFE and per phase: the median moved by more
// than the threshold (default 10 %) AND by more than the run-to-run spread both benches measured can
// explain (k = 2 standard deviations of the ratio, the spreads added in quadrature). Phases shorter
// than a millisecond in both are compared only when they moved by more than a millisecond. Benches of
// different workloads (W1 vs a voice), or without an NFE in common, are not comparable at all: that is
// an error (the CLI exits 1), not a pass.
using IShowTts.Ops.Bench;
using IShowTts.Ops.Statistics;

namespace IShowTts.Ops.Regression;

public static class RegressionDetector
{
    public const double DefaultThreshold = 0.10;
    public const double DefaultSigmas = 2.0;
    public const double PhaseFloorSeconds = 0.001;

    public static RegressionReport Compare(BenchRecord baseline, BenchRecord current, double threshold = DefaultThreshold, double sigmas = DefaultSigmas)
    {
        if (threshold < 0) throw new ArgumentOutOfRangeException(nameof(threshold), "the threshold is a share ≥ 0 (0.10 = 10 %)");
        if (baseline.Workload != current.Workload)
            throw new OpsException($"the baseline times workload {baseline.Workload} and this bench {current.Workload}: not comparable " +
                                   "(bench the baseline's workload, or store a new baseline)");
        var notes = new List<string>();
        if (baseline.DeviceName != current.DeviceName)
            notes.Add($"the devices differ (baseline {baseline.DeviceName}, now {current.DeviceName})");
        if (baseline.Weights != current.Weights)
            notes.Add($"the weights differ (baseline {baseline.Weights}, now {current.Weights})");
        if (baseline.Machine.Commit != current.Machine.Commit)
            notes.Add($"builds: baseline {Short(baseline.Machine.Commit)}, now {Short(current.Machine.Commit)}");
        var findings = new List<RegressionFinding>();
        foreach (var now in current.Results)
        {
            var before = baseline.ForNfe(now.Nfe);
            if (before is null)
            {
                notes.Add($"NFE {now.Nfe} is not in the baseline: not compared");
                continue;
            }
            findings.Add(Decide(now.Nfe, "total", RunStatistics.Of(before.Seconds), RunStatistics.Of(now.Seconds), threshold, sigmas, 0));
            foreach (var (phase, runs) in now.Phases)
            {
                if (before.Phases.TryGetValue(phase, out var baseRuns) && baseRuns.Count > 0 && runs.Count > 0)
                    findings.Add(Decide(now.Nfe, phase, RunStatistics.Of(baseRuns), RunStatistics.Of(runs), threshold, sigmas, PhaseFloorSeconds));
                else if (runs.Count > 0)
                    notes.Add($"NFE {now.Nfe}: phase '{phase}' is not in the baseline: not compared");
            }
            foreach (var phase in before.Phases.Keys.Where(p => !now.Phases.ContainsKey(p)))
                notes.Add($"NFE {now.Nfe}: phase '{phase}' of the baseline was not measured now");
        }
        foreach (var gone in baseline.Results.Where(b => current.ForNfe(b.Nfe) is null))
            notes.Add($"NFE {gone.Nfe} of the baseline was not run now");
        if (findings.Count == 0)
            throw new OpsException($"no NFE in common: the baseline has NFE {string.Join(",", baseline.Results.Select(r => r.Nfe))}, " +
                                   $"this bench {string.Join(",", current.Results.Select(r => r.Nfe))}: nothing to compare");
        return new RegressionReport(findings, notes, threshold);
    }

    /// <summary>The decision for one figure, from the two benches' statistics.</summary>
    public static RegressionFinding Decide(int nfe, string figure, RunStatistics baseline, RunStatistics current, double threshold, double sigmas,
        double floorSeconds)
    {
        double change = baseline.Median > 0 ? current.Median / baseline.Median - 1 : 0;
        double noise = sigmas * Math.Sqrt(baseline.Spread * baseline.Spread + current.Spread * current.Spread);
        double allowed = Math.Max(threshold, noise);
        bool moved = Math.Abs(current.Median - baseline.Median) > floorSeconds;
        var verdict = !moved ? RegressionVerdict.Same
            : change > allowed ? RegressionVerdict.Slower
            : change < -allowed ? RegressionVerdict.Faster
            : RegressionVerdict.Same;
        return new RegressionFinding(nfe, figure, baseline.Median, current.Median, change, noise, allowed, verdict);
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
