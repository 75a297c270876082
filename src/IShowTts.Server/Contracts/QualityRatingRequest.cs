// POST /api/quality/sessions/{id}/ratings: one listener's judgement of one trial. Everything is
// nullable so a missing field is a 400 that names it, not a deserialisation error.
namespace IShowTts.Server.Contracts;

/// <param name="Choice">"a", "b" or "same" (no audible difference).</param>
/// <param name="ScoreA">optional, 1–5 (5 best); independent of <paramref name="ScoreB"/>.</param>
/// <param name="Listener">required, 1–64 characters; rating the same trial again replaces the earlier rating.</param>
/// <param name="Comment">optional, at most 500 characters.</param>
public sealed record QualityRatingRequest(int? Trial, string? Choice, int? ScoreA, int? ScoreB, string? Listener, string? Comment);
