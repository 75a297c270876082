// [espeak]: the system voice engine (libespeak-ng) that speaks with no model weights: its default
// espeak voice name and rate, and the voices it offers.
namespace IShowTts.Configuration;

public sealed record EspeakSection
{
    /// <summary>espeak-ng voice name used when a voice does not set one ("en-us", "cmn", …).</summary>
    public required string Voice { get; init; }

    /// <summary>Words per minute (80–450).</summary>
    public required int Rate { get; init; }

    public required IReadOnlyList<EspeakVoiceSection> Voices { get; init; }
}
