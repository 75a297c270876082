namespace IShowTts.Ops.Regression;

public enum RegressionVerdict
{
    /// <summary>Within the threshold or the measured run-to-run noise.</summary>
    Same,
    /// <summary>Slower beyond both the threshold and the noise.</summary>
    Slower,
    /// <summary>Faster beyond both: worth a new baseline.</summary>
    Faster,
}

/// <summary>One compared figure: an NFE's whole request ("total") or one of its phases.</summary>
/// <param name="Change">current / baseline − 1 of the medians (+0.12 = 12 % slower).</param>
/// <param name="Noise">the change the measured spreads alone explain: k·√(spread_base² + spread_now²).</param>
/// <param name="Allowed">the larger of the threshold and the noise: a change beyond it is flagged.</param>
public sealed record RegressionFinding(int Nfe, string Figure, double BaselineSeconds, double CurrentSeconds, double Change, double Noise,
    double Allowed, RegressionVerdict Verdict);

/// <summary>The comparison of a bench with its baseline; <see cref="Regressed"/> decides exit code 3.</summary>
/// <param name="Notes">what makes the comparison weaker (another device, workload or commit; NFEs in one only).</param>
public sealed record RegressionReport(IReadOnlyList<RegressionFinding> Findings, IReadOnlyList<string> Notes, double Threshold)
{
    public bool Regressed => Findings.Any(f => f.Verdict == RegressionVerdict.Slower);
}
