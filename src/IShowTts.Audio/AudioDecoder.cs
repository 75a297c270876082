// Decodes a whole audio file into an AudioClip at its own rate and channel count. The format is
// sniffed from the content (WAV, MP3, FLAC, Ogg Vorbis, Ogg Opus, Ogg FLAC); every failure is an
// AudioFormatException naming the file and the reason. No resampling or mixing happens here.
using IShowTts.Audio.Internal;

namespace IShowTts.Audio;

public static class AudioDecoder
{
    /// <summary>The shortest clip Decode accepts by default: a voice reference under a second is unusable.</summary>
    public const double MinimumSeconds = 1.0;

    /// <summary>Decodes the file at <paramref name="path"/>; shorter than <paramref name="minimumSeconds"/> is an error (pass 0 to accept any length).</summary>
    public static AudioClip Decode(string path, double minimumSeconds = MinimumSeconds)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({e.Message})";
            throw new AudioFormatException(path, reason, e);
        }
        return Decode(bytes, path, minimumSeconds);
    }

    /// <summary>Decodes a whole stream (read to its end); <paramref name="nameForErrors"/> is what error messages call it.</summary>
    public static AudioClip Decode(Stream stream, string nameForErrors, double minimumSeconds = MinimumSeconds)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (IOException e)
        {
            throw new AudioFormatException(nameForErrors, $"cannot read the stream ({e.Message})", e);
        }
        return Decode(buffer.ToArray(), nameForErrors, minimumSeconds);
    }

    /// <summary>Decodes an in-memory file.</summary>
    public static AudioClip Decode(byte[] file, string nameForErrors, double minimumSeconds = MinimumSeconds)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0) throw new AudioFormatException(nameForErrors, "empty file (0 bytes)");
        var format = FormatSniffer.Sniff(file);
        var clip = format switch
        {
            AudioFileFormat.Wav => RiffWavReader.Read(file, nameForErrors),
            AudioFileFormat.Mp3 => Mp3Reader.Read(file, nameForErrors),
            AudioFileFormat.OggVorbis => VorbisReader.Read(file, nameForErrors),
            AudioFileFormat.OggOpus => OggOpusReader.Read(file, nameForErrors),
            AudioFileFormat.Flac or AudioFileFormat.OggFlac => FlacReader.Read(file, nameForErrors, ogg: format == AudioFileFormat.OggFlac),
            _ => throw new AudioFormatException(nameForErrors,
                "unknown audio format (not WAV, MP3, FLAC, Ogg Vorbis or Ogg Opus, judged from the content)"),
        };
        Validate(clip, nameForErrors, minimumSeconds);
        return clip;
    }

    /// <summary>The format recognised from a file's first bytes (64 are enough except after a long ID3 tag).</summary>
    public static AudioFileFormat Sniff(ReadOnlySpan<byte> head) => FormatSniffer.Sniff(head);

    static void Validate(AudioClip clip, string name, double minimumSeconds)
    {
        if (clip.Frames == 0) throw new AudioFormatException(name, "the file holds no audio samples");
        foreach (var s in clip.Samples)
            if (!float.IsFinite(s)) throw new AudioFormatException(name, "the audio contains NaN or infinite samples");
        if (clip.Seconds < minimumSeconds)
            throw new AudioFormatException(name, $"too short: {clip.Seconds:0.###} s of audio, at least {minimumSeconds:0.###} s is needed");
    }
}
