// GET /api/quality/sessions/{id}: the blind trials in the session's randomised listening order. A trial
// carries its text and two audio URLs by side; which NFE plays as A stays in the manifest, never here.
namespace IShowTts.Server.Contracts;

public sealed record QualitySessionView(string Id, DateTimeOffset CreatedAt, string VoiceId, IReadOnlyList<int> Nfe, IReadOnlyList<QualityTrialView> Trials);

/// <param name="AudioA">the URL of side A's audio (by trial and side, never by file name).</param>
public sealed record QualityTrialView(int Trial, string Category, string Language, string Text, string AudioA, string AudioB);
