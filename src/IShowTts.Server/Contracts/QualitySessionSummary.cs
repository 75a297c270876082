// One entry of GET /api/quality/sessions (docs/operations.md, "Quality API"): what a listener needs to
// pick a session. Session-level facts only; nothing says which sample of a trial is which NFE.
namespace IShowTts.Server.Contracts;

/// <param name="Nfe">the two NFE values compared, lower first.</param>
/// <param name="Trials">how many blind trials the session has.</param>
/// <param name="Ratings">ratings stored so far (one per listener and trial).</param>
public sealed record QualitySessionSummary(
    string Id, DateTimeOffset CreatedAt, string VoiceId, IReadOnlyList<int> Nfe, IReadOnlyList<string> Categories, int Trials, int Ratings,
    IReadOnlyList<string> Listeners);
