// Audio for one queue item, as the injected synthesiser returns it: mono float samples and their rate,
// or already-encoded bytes (ContentType says what) with their duration. The chat library never looks
// inside; it only uses Duration to know when an unacknowledged item has surely finished playing.
namespace IShowTts.Chat.Queue;

public sealed record SpeechClip
{
    private SpeechClip(ReadOnlyMemory<float> samples, int sampleRate, ReadOnlyMemory<byte> encoded, string? contentType, TimeSpan duration)
    {
        Samples = samples;
        SampleRate = sampleRate;
        Encoded = encoded;
        ContentType = contentType;
        Duration = duration;
    }

    /// <summary>(n) mono samples in [-1, 1]; empty when the clip is only encoded bytes.</summary>
    public ReadOnlyMemory<float> Samples { get; }

    public int SampleRate { get; }

    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>MIME type of <see cref="Encoded"/> ("audio/wav"); null when the clip is samples.</summary>
    public string? ContentType { get; }

    public TimeSpan Duration { get; }

    public static SpeechClip FromSamples(ReadOnlyMemory<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return new SpeechClip(samples, sampleRate, ReadOnlyMemory<byte>.Empty, null,
            TimeSpan.FromSeconds((double)samples.Length / sampleRate));
    }

    public static SpeechClip FromEncoded(ReadOnlyMemory<byte> encoded, string contentType, TimeSpan duration, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Ticks);
        return new SpeechClip(ReadOnlyMemory<float>.Empty, sampleRate, encoded, contentType, duration);
    }
}
