// Decoded audio: interleaved float samples in [-1, 1) at the file's own rate and channel count.
// A plain value, not a stream: references and generated clips are seconds long and fit in memory.
namespace IShowTts.Audio;

/// <summary>Interleaved samples (frame-major: L R L R …), their rate in Hz and the channel count.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate, int Channels)
{
    public float[] Samples { get; init; } = Samples ?? throw new ArgumentNullException(nameof(Samples));

    public int SampleRate { get; init; } = SampleRate > 0 ? SampleRate
        : throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "the sample rate must be positive");

    public int Channels { get; init; } = Channels > 0 && (Samples is null || Samples.Length % Channels == 0) ? Channels
        : throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "the channel count must be positive and divide the sample count");

    /// <summary>Samples per channel.</summary>
    public int Frames => Samples.Length / Channels;

    /// <summary>Duration in seconds.</summary>
    public double Seconds => (double)Frames / SampleRate;

    /// <summary>The mean of the channels per frame (float32 arithmetic, as torch.mean over channels); a copy of the samples when mono.</summary>
    public float[] Mono()
    {
        if (Channels == 1) return (float[])Samples.Clone();
        var mono = new float[Frames];
        for (int f = 0; f < mono.Length; f++)
        {
            float sum = 0;
            for (int c = 0; c < Channels; c++) sum += Samples[f * Channels + c];
            mono[f] = sum / Channels;
        }
        return mono;
    }
}
