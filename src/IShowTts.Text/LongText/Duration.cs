// How many mel frames official F5-TTS asks the sampler for, per chunk: _infer_basic's estimate from
// the reference's bytes-per-frame (speed 0.3 for chunks under 10 bytes) or a fixed duration, and the
// clamp CFM.sample applies. Pure arithmetic in float64, left to right, as Python evaluates it.
using IShowTts.Text.Internal;

namespace IShowTts.Text.LongText;

public static class Duration
{
    public const int SampleRate = 24000;
    public const int HopLength = 256;

    /// <summary>CFM.sample's max_duration: no request is longer, reference included.</summary>
    public const int MaxFrames = 65536;

    /// <summary>Speed used for chunks shorter than <see cref="ShortChunkBytes"/> UTF-8 bytes.</summary>
    public const double ShortChunkSpeed = 0.3;

    public const int ShortChunkBytes = 10;

    /// <summary>ref_audio_len = samples // hop_length (24 kHz samples): one frame fewer than the reference mel.</summary>
    public static int ReferenceAudioFrames(long referenceSamples24k) => checked((int)(referenceSamples24k / HopLength));

    /// <summary>Mel frames of the reference (Vocos, center=True): samples // 256 + 1, the sampler's lens.</summary>
    public static int ReferenceMelFrames(long referenceSamples24k) => ReferenceAudioFrames(referenceSamples24k) + 1;

    /// <summary>_infer_basic's local_speed: 0.3 when the chunk is under 10 UTF-8 bytes, else <paramref name="speed"/>.</summary>
    public static double LocalSpeed(string chunk, double speed) =>
        CodePoints.Utf8Length(chunk) < ShortChunkBytes ? ShortChunkSpeed : speed;

    /// <summary>ref_audio_len + int(ref_audio_len / len(ref_text) * len(chunk) / local_speed), lengths in UTF-8 bytes; <paramref name="refTextFinal"/> is ReferenceText.Final's.</summary>
    public static int Frames(int refAudioFrames, string refTextFinal, string chunk, double speed)
    {
        ArgumentNullException.ThrowIfNull(refTextFinal);
        ArgumentNullException.ThrowIfNull(chunk);
        var refBytes = CodePoints.Utf8Length(refTextFinal);
        if (refBytes == 0)
            throw new ArgumentException("The reference text is empty, so there is no bytes-per-frame rate to scale by.", nameof(refTextFinal));
        var localSpeed = LocalSpeed(chunk, speed);
        double chunkBytes = CodePoints.Utf8Length(chunk);
        return refAudioFrames + Chunker.PythonInt((double)refAudioFrames / refBytes * chunkBytes / localSpeed);
    }

    /// <summary>The fix_duration variant: int(fix_duration * 24000 / 256) total frames, reference included.</summary>
    public static int FixedFrames(double fixDurationSeconds) =>
        Chunker.PythonInt(fixDurationSeconds * SampleRate / HopLength);

    /// <summary>CFM.sample's duration: min(max(max(text tokens, reference mel frames) + 1, requested), 65536).</summary>
    public static int SamplerFrames(int textTokens, int referenceMelFrames, int requestedFrames) =>
        Math.Min(Math.Max(Math.Max(textTokens, referenceMelFrames) + 1, requestedFrames), MaxFrames);
}
