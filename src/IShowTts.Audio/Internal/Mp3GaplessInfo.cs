// The Xing/Info header of an MP3's first frame and its LAME-style extension (LAME, Lavc, Lavf):
// encoder delay and padding, which gapless decoders (ffmpeg, mpg123) trim together with the 529-sample
// decoder delay. Absent for CBR files without the tag; then nothing is trimmed.
using System.Buffers.Binary;

namespace IShowTts.Audio.Internal;

internal readonly record struct Mp3GaplessInfo(int FrameCount, int SamplesPerFrame, int EncoderDelay, int Padding)
{
    /// <summary>Samples every standard MP3 decoder's synthesis filterbank delays the output by (528 + 1).</summary>
    public const int DecoderDelay = 529;

    /// <summary>The samples the encoder was given: all frames less delay and padding.</summary>
    public long OriginalFrames => (long)FrameCount * SamplesPerFrame - EncoderDelay - Padding;

    public static Mp3GaplessInfo? Find(ReadOnlySpan<byte> file)
    {
        int pos = FormatSniffer.Id3v2Length(file);
        if (pos + 4 > file.Length || !FormatSniffer.IsMpegAudioFrame(file[pos..])) return null;
        uint h = BinaryPrimitives.ReadUInt32BigEndian(file[pos..]);
        bool mpeg1 = ((h >> 19) & 3) == 3, mono = ((h >> 6) & 3) == 3;
        int layer = 4 - (int)((h >> 17) & 3);
        if (layer != 3) return null;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int x = pos + 4 + sideInfo;
        if (x + 8 > file.Length) return null;
        var tag = file.Slice(x, 4);
        if (!tag.SequenceEqual("Xing"u8) && !tag.SequenceEqual("Info"u8)) return null;
        uint flags = BinaryPrimitives.ReadUInt32BigEndian(file[(x + 4)..]);
        int p = x + 8;
        if ((flags & 1) == 0 || p + 4 > file.Length) return null;
        int frames = (int)BinaryPrimitives.ReadUInt32BigEndian(file[p..]);
        p += 4;
        if ((flags & 2) != 0) p += 4;
        if ((flags & 4) != 0) p += 100;
        if ((flags & 8) != 0) p += 4;
        if (p + 24 > file.Length) return null;
        var encoder = file.Slice(p, 4);
        if (!encoder.SequenceEqual("LAME"u8) && !encoder.SequenceEqual("Lavc"u8) && !encoder.SequenceEqual("Lavf"u8)) return null;
        int delay = (file[p + 21] << 4) | (file[p + 22] >> 4);
        int padding = ((file[p + 22] & 0x0F) << 8) | file[p + 23];
        return new Mp3GaplessInfo(frames, mpeg1 ? 1152 : 576, delay, padding);
    }
}
