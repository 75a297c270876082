// The outcome of a listening test (docs/operations.md, "Quality API"): the preference for the lower
// NFE, the higher NFE, or neither, with 95 % Wilson intervals; mean scores; per category; the objective
// measures per NFE; and a verdict with one sentence an operator can act on.
using IShowTts.Ops.Statistics;

namespace IShowTts.Ops.Quality;

public static class QualityVerdicts
{
    public const string UseLower = "use_lower";
    public const string KeepHigher = "keep_higher";
    public const string Inconclusive = "inconclusive";
    public const string NotEnoughRatings = "not_enough_ratings";
}

public sealed record CategoryPreference(string Category, int Ratings, int PreferLower, int PreferHigher, int Same);

/// <summary>Means over a session's items of one NFE's objective measures.</summary>
public sealed record ObjectiveSummary(int Nfe, double MeanMelDistance, double MeanDurationSeconds, double MeanClippingRatio, double MeanSilenceRatio);

public sealed record QualityReport(
    string SessionId, int LowerNfe, int HigherNfe, int Ratings, int Listeners,
    ProportionInterval PreferLower, ProportionInterval PreferHigher, ProportionInterval Same, ProportionInterval HigherAmongDecided,
    double? MeanScoreLower, double? MeanScoreHigher, IReadOnlyList<CategoryPreference> ByCategory, IReadOnlyList<ObjectiveSummary> Objective,
    string Verdict, string Recommendation);
