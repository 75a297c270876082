namespace IShowTts.Synthesis;

/// <summary>Per-request parameters, with the official inference path's defaults except NFE (7, as the product runs).</summary>
public sealed record SpeakOptions(
    int NfeStep = 7,
    float CfgStrength = 2f,
    float SwaySamplingCoefficient = -1f,
    double Speed = 1.0,
    double CrossFadeSeconds = 0.15,
    double? FixDurationSeconds = null,
    ulong Seed = 0);
