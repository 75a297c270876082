// Recognises the audio format from content: RIFF/WAVE, fLaC, OggS (+ the first packet's codec magic),
// MPEG audio frame sync, with an ID3v2 tag skipped first. Extensions are never trusted.
using System.Buffers.Binary;

namespace IShowTts.Audio.Internal;

internal static class FormatSniffer
{
    public static AudioFileFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8)) return AudioFileFormat.Wav;
        if (head.Length >= 4 && head[..4].SequenceEqual("OggS"u8)) return SniffOgg(head);
        int start = Id3v2Length(head);
        var rest = head[Math.Min(start, head.Length)..];
        if (rest.Length >= 4 && rest[..4].SequenceEqual("fLaC"u8)) return AudioFileFormat.Flac;
        if (IsMpegAudioFrame(rest)) return AudioFileFormat.Mp3;
        return AudioFileFormat.Unknown;
    }

    /// <summary>Bytes taken by a leading ID3v2 tag ("ID3", version, flags, 4 sync-safe size bytes, optional footer), else 0.</summary>
    public static int Id3v2Length(ReadOnlySpan<byte> head)
    {
        if (head.Length < 10 || !head[..3].SequenceEqual("ID3"u8)) return 0;
        int size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F);
        bool footer = (head[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    /// <summary>An MPEG-1/2/2.5 layer I–III frame header with valid bitrate and sample-rate indices.</summary>
    public static bool IsMpegAudioFrame(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4) return false;
        uint h = BinaryPrimitives.ReadUInt32BigEndian(b);
        if ((h & 0xFFE00000) != 0xFFE00000) return false;
        uint version = (h >> 19) & 3, layer = (h >> 17) & 3, bitrate = (h >> 12) & 15, rate = (h >> 10) & 3;
        return version != 1 && layer != 0 && bitrate != 15 && rate != 3;
    }

    static AudioFileFormat SniffOgg(ReadOnlySpan<byte> head)
    {
        // First page: 27-byte header, then segment table of head[26] entries, then the first packet.
        if (head.Length < 27) return AudioFileFormat.Unknown;
        int segments = head[26];
        int packet = 27 + segments;
        if (head.Length < packet + 8) return AudioFileFormat.Unknown;
        var p = head[packet..];
        if (p.Length >= 7 && p[0] == 1 && p[1..7].SequenceEqual("vorbis"u8)) return AudioFileFormat.OggVorbis;
        if (p[..8].SequenceEqual("OpusHead"u8)) return AudioFileFormat.OggOpus;
        if (p.Length >= 5 && p[0] == 0x7F && p[1..5].SequenceEqual("FLAC"u8)) return AudioFileFormat.OggFlac;
        return AudioFileFormat.Unknown;
    }
}
