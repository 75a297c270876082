namespace IShowTts.Synthesis;

/// <summary>
/// Per-request parameters, with the official inference path's defaults except NFE (7, as the product
/// runs). Normalize reads numbers, dates, money, URLs, emoji… out (docs/normalization.md) before the
/// official tokenisation; Language ("en", "zh") guides it where the text has no letters.
/// </summary>
public sealed record SpeakOptions(
    int NfeStep = 7,
    float CfgStrength = 2f,
    float SwaySamplingCoefficient = -1f,
    double Speed = 1.0,
    double CrossFadeSeconds = 0.15,
    double? FixDurationSeconds = null,
    ulong Seed = 0,
    bool Normalize = true,
    string? Language = null);
