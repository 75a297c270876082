// The sample encodings WavWriter can write. Decoding reads many more (see AudioDecoder).
namespace IShowTts.Audio;

public enum WavEncoding
{
    /// <summary>16-bit signed PCM: round(x · 32768) clamped to [−32768, 32767], so int16/32768 round-trips exactly.</summary>
    Pcm16,

    /// <summary>32-bit IEEE float (format tag 3), samples written unchanged.</summary>
    Float32,
}
