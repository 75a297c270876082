// The reference audio as the model consumes it, plus what happened on the way: the official PCM
// export (for parity and caching), loudness before and whether it was raised, and whether the clip
// was cut — in which case its transcript no longer matches and the caller must tell the user.
namespace IShowTts.Audio;

/// <param name="Wave24k">Mono, loudness-raised when quiet, resampled to 24 kHz: the model's reference.</param>
/// <param name="RmsBefore">sqrt(mean(x²)) of the mono preprocessed audio at its own rate (float32 maths), before any raise.</param>
/// <param name="RmsRaised">True when RmsBefore &lt; TargetRms and the audio was scaled up to it.</param>
/// <param name="Clipped">True when the official path cut the audio to at most 12 s (any of its three strategies).</param>
/// <param name="ClipMessage">For the user when clipped: what was cut and that the transcript was not; null otherwise.</param>
/// <param name="PreprocessedInterleaved">The 16-bit PCM the official path exports (frames × channels, interleaved).</param>
/// <param name="PreprocessedRate">Its rate: the input's, or 11025 Hz for inputs below that (pydub syncs to AudioSegment.silent).</param>
/// <param name="PreprocessedChannels">Its channel count: the input's.</param>
/// <param name="OfficialMessages">The official code's clipping messages, verbatim ("Audio is over 12s, clipping short. (1)").</param>
/// <param name="OriginalSeconds">Duration of the input clip.</param>
public sealed record PreparedReference(
    float[] Wave24k,
    double RmsBefore,
    bool RmsRaised,
    bool Clipped,
    string? ClipMessage,
    short[] PreprocessedInterleaved,
    int PreprocessedRate,
    int PreprocessedChannels,
    IReadOnlyList<string> OfficialMessages,
    double OriginalSeconds)
{
    /// <summary>The loudness the reference is raised to when quieter (official target_rms).</summary>
    public const float TargetRms = 0.1f;

    public const int SampleRate = 24_000;

    /// <summary>Duration of the preprocessed (clipped, trimmed, padded) audio.</summary>
    public double PreprocessedSeconds => (double)PreprocessedInterleaved.Length / PreprocessedChannels / PreprocessedRate;

    /// <summary>Scales generated audio back to the reference's own loudness when it was raised (x · rms / 0.1, float32), in place.</summary>
    public void RestoreLoudness(Span<float> generated)
    {
        if (!RmsRaised) return;
        float rms = (float)RmsBefore;
        for (int i = 0; i < generated.Length; i++) generated[i] = generated[i] * rms / TargetRms;
    }
}
