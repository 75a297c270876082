// GET/POST/DELETE /api/voices/{id}/reference, with the original's field names: the reference text in
// use, the baseline's and the override's, whether each audio can be downloaded, and when the override
// was set.
namespace IShowTts.Server.Contracts;

public sealed record VoiceReferenceResponse(
    string VoiceId, string Engine, string EngineLabel, string? Language, string? ActiveReferenceText,
    string? BaselineReferenceText, string? OverrideReferenceText, bool BaselineAudioAvailable, bool OverrideAudioAvailable,
    DateTimeOffset? OverrideUpdatedAt);
