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

    /// <summary>Scales generated audio back to the reference's own loudness when it was raised (x · rms / 0.1).</summary>
    public void RestoreLoudness(Span<float> generated)
    {
        if (!RmsRaised) return;
        float scale = (float)RmsBefore / PreparedReference.TargetRms;
        for (int i = 0; i < generated.Length; i++) generated[i] *= scale;
    }
}
