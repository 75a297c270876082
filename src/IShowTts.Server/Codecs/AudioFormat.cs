// The response formats the speech routes can produce (OpenAI's names), with their media type and the
// encoder behind each. A format whose encoder is missing on this machine reports why, so a request for
// it is refused with that reason instead of getting another format.
namespace IShowTts.Server.Codecs;

internal sealed record AudioFormat(string Name, string ContentType, string Extension, Func<Stream, int, IAudioEncoder> Create, Func<string?> Unavailable)
{
    public static readonly AudioFormat Wav = new("wav", "audio/wav", "wav", (s, r) => new WavStreamEncoder(s, r), () => null);
    public static readonly AudioFormat Pcm = new("pcm", "audio/pcm", "pcm", (s, r) => new PcmEncoder(s), () => null);
    public static readonly AudioFormat Mp3 = new("mp3", "audio/mpeg", "mp3", (s, r) => new Mp3Encoder(s, r), Mp3Encoder.Unavailable);
    public static readonly AudioFormat Opus = new("opus", "audio/ogg", "opus", (s, r) => new OggOpusEncoder(s, r), () => null);
    public static readonly AudioFormat Flac = new("flac", "audio/flac", "flac", (s, r) => new FlacEncoder(s, r), FlacEncoder.Unavailable);
    public static readonly AudioFormat Aac = new("aac", "audio/aac", "aac", (s, r) => new FfmpegAacEncoder(s, r), FfmpegAacEncoder.Unavailable);

    public static IReadOnlyList<AudioFormat> All { get; } = [Mp3, Opus, Aac, Flac, Wav, Pcm];

    public static AudioFormat? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
