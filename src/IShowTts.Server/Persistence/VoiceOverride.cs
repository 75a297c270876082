// A voice's replaced reference, as kept in voices/overrides/overrides.json: the audio file (relative to
// the overrides folder; null keeps the baseline audio), the transcript (null keeps the baseline text)
// and when it was set.
namespace IShowTts.Server.Persistence;

public sealed record VoiceOverride(string VoiceId, string Engine, string? ReferenceAudio, string? ReferenceText, DateTimeOffset UpdatedAt);
