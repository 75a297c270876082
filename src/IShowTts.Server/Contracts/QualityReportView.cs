// GET /api/quality/sessions/{id}/report (admin): the preference of the LOWER NFE against the HIGHER
// one with 95 % Wilson intervals, ties kept apart; mean scores; per category; the objective measures per
// NFE; the verdict and one sentence an operator can act on. Numbers that cannot be computed are null.
namespace IShowTts.Server.Contracts;

public sealed record QualityReportView(
    string SessionId, int LowerNfe, int HigherNfe, int Ratings, int Listeners,
    QualityShareView PreferLower, QualityShareView PreferHigher, QualityShareView Same, QualityShareView HigherAmongDecided,
    double? MeanScoreLower, double? MeanScoreHigher, IReadOnlyList<QualityCategoryView> ByCategory, IReadOnlyList<QualityObjectiveView> Objective,
    string Verdict, string Recommendation);

/// <summary>Count of Total, the share, and its 95 % Wilson interval [Low, High].</summary>
public sealed record QualityShareView(int Count, int Total, double Share, double Low, double High);

public sealed record QualityCategoryView(string Category, int Ratings, int PreferLower, int PreferHigher, int Same);

/// <param name="MeanMelDistance">mean log-mel distance to the reference-NFE rendering (null when no sample was long enough).</param>
public sealed record QualityObjectiveView(int Nfe, double? MeanMelDistance, double MeanDurationSeconds, double MeanClippingRatio, double MeanSilenceRatio);
