// A reference ready for the F5 engine: the 24 kHz wave after the official preprocessing, its log-mel,
// and what the loudness step did (so generated audio can be scaled back). Built once per voice and
// content (ReferenceCache) and reused by every request.
using IShowTts.Audio;

namespace IShowTts.Synthesis.Voices;

/// <param name="Wave24k">mono 24 kHz, raised to RMS 0.1 when quieter.</param>
/// <param name="Mel">(frames, 100) log-mel of Wave24k, or null to let the engine compute it.</param>
/// <param name="PreprocessedSeconds">the preprocessed clip's length at its own rate (the chunk budget uses it).</param>
/// <param name="ContentHash">SHA-256 of the reference file and transcript (the caches' key).</param>
public sealed record PreparedVoice(
    float[] Wave24k, float[]? Mel, double RmsBefore, bool RmsRaised, bool Clipped, string? ClipMessage,
    double PreprocessedSeconds, string ContentHash)
{
    public static PreparedVoice From(PreparedReference r, float[]? mel, string contentHash) =>
        new(r.Wave24k, mel, r.RmsBefore, r.RmsRaised, r.Clipped, r.ClipMessage, r.PreprocessedSeconds, contentHash);

    /// <summary>
    /// The same reference for another target_rms than the official 0.1: raised to the target when quieter
    /// (its mel then recomputed by the engine), and generated audio scaled back by rms / target.
    /// </summary>
    public PreparedVoice WithTargetRms(float target)
    {
        if (Math.Abs(target - PreparedReference.TargetRms) < 1e-7) return this;
        var raw = RmsRaised ? Wave24k.Select(x => (float)(x * RmsBefore / PreparedReference.TargetRms)).ToArray() : Wave24k;
        bool raise = RmsBefore < target;
        var wave = raise ? raw.Select(x => (float)(x * target / RmsBefore)).ToArray() : raw;
        return this with { Wave24k = wave, Mel = null, RmsRaised = raise, Target = target };
    }

    /// <summary>The loudness the reference was raised to (official default 0.1).</summary>
    public float Target { get; init; } = PreparedReference.TargetRms;

    /// <summary>Scales generated audio back to the reference's own loudness when it was raised (x · rms / 0.1).</summary>
    public void RestoreLoudness(Span<float> generated)
    {
        if (!RmsRaised) return;
        float scale = (float)RmsBefore / Target;
        for (int i = 0; i < generated.Length; i++) generated[i] *= scale;
    }
}
