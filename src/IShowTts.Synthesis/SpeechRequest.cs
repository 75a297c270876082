namespace IShowTts.Synthesis;

/// <summary>
/// "Say this, in that voice": the text, an optional voice and engine (defaults from the configuration),
/// and the per-request parameters of the original API; null means the configured default.
/// </summary>
public sealed record SpeechRequest(
    string Text,
    string? VoiceId = null,
    string? Engine = null,
    int? NfeStep = null,
    float? CfgStrength = null,
    float? SwaySamplingCoefficient = null,
    double? Speed = null,
    float? TargetRms = null,
    double? CrossFadeSeconds = null,
    double? FixDurationSeconds = null,
    bool RemoveSilence = false,
    ulong? Seed = null,
    bool? Normalize = null);

/// <summary>A finished utterance: mono samples, their rate, and what produced them.</summary>
public sealed record SpeechClip(float[] Samples, int SampleRate, string VoiceId, string Engine, bool FromCache, IReadOnlyList<string> Warnings)
{
    public double Seconds => (double)Samples.Length / SampleRate;
}

/// <summary>One piece of a streamed utterance, in order; the last one has IsLast set.</summary>
public sealed record AudioChunk(float[] Samples, int SampleRate, int Index, bool IsLast);
