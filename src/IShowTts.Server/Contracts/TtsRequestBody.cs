// The body of POST /api/tts (and /api/tts/stream), field for field the original's: every field but
// text is optional and null means the configured default. `format` only applies to the stream route.
using IShowTts.Synthesis;

namespace IShowTts.Server.Contracts;

public sealed record TtsRequestBody(
    string? Text,
    string? VoiceId = null,
    string? Engine = null,
    double? Speed = null,
    float? TargetRms = null,
    double? CrossFadeDuration = null,
    float? SwaySamplingCoef = null,
    float? CfgStrength = null,
    int? NfeStep = null,
    double? FixDuration = null,
    bool? RemoveSilence = null,
    ulong? Seed = null,
    string? Format = null)
{
    public SpeechRequest ToSpeechRequest() => new(
        Text ?? "", VoiceId, Engine, NfeStep, CfgStrength, SwaySamplingCoef, Speed, TargetRms, CrossFadeDuration, FixDuration,
        RemoveSilence ?? false, Seed);
}
