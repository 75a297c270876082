// Ogg Opus (RFC 7845) through Concentus's managed multistream decoder: OpusHead (channels, pre-skip,
// output gain, channel mapping), packets decoded at 48 kHz, pre-skip dropped and the end trimmed to
// the last granule position, so the sample count is the encoder's input length at 48 kHz.
using System.Buffers.Binary;

namespace IShowTts.Audio.Internal;

internal static class OggOpusReader
{
    const int Rate = 48_000;
    const int MaxFrameSamples = 5760; // 120 ms at 48 kHz, the longest Opus packet

    public static AudioClip Read(byte[] file, string name)
    {
        var ogg = OggPackets.Read(file, name, "Ogg Opus");
        if (ogg.Packets.Count < 2) throw new AudioFormatException(name, "truncated Ogg Opus: no OpusTags/audio after the header");
        var head = ParseHead(ogg.Packets[0], name);

        Concentus.Structs.OpusMSDecoder decoder;
        try
        {
#pragma warning disable CS0618 // the managed decoder on purpose: OpusCodecFactory may pick native libopus, and output must not depend on what is installed
            decoder = new Concentus.Structs.OpusMSDecoder(Rate, head.Channels, head.Streams, head.CoupledStreams, head.Mapping);
#pragma warning restore CS0618
        }
        catch (Exception e)
        {
            throw new AudioFormatException(name, $"unsupported Ogg Opus channel layout ({e.Message})", e);
        }

        var samples = new List<float>(Rate * head.Channels * 4);
        var frame = new float[MaxFrameSamples * head.Channels];
        try
        {
            foreach (var packet in ogg.Packets.Skip(2))
            {
                if (packet.Length == 0) continue;
                int n = decoder.DecodeMultistream(packet, frame, MaxFrameSamples, false);
                samples.AddRange(frame.AsSpan(0, n * head.Channels));
            }
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            throw new AudioFormatException(name, $"undecodable Ogg Opus ({e.Message})", e);
        }

        long frames = samples.Count / head.Channels - head.PreSkip;
        if (ogg.LastGranule >= 0) frames = Math.Min(frames, ogg.LastGranule - head.PreSkip);
        if (frames <= 0) throw new AudioFormatException(name, "Ogg Opus holds no audio samples");
        var output = samples.GetRange(head.PreSkip * head.Channels, (int)frames * head.Channels).ToArray();
        if (head.OutputGainQ8 != 0)
        {
            float gain = (float)Math.Pow(10, head.OutputGainQ8 / (20.0 * 256));
            for (int i = 0; i < output.Length; i++) output[i] *= gain;
        }
        return new AudioClip(output, Rate, head.Channels);
    }

    readonly record struct OpusHead(int Channels, int PreSkip, int OutputGainQ8, int Streams, int CoupledStreams, byte[] Mapping);

    static OpusHead ParseHead(byte[] p, string name)
    {
        if (p.Length < 19 || !p.AsSpan(0, 8).SequenceEqual("OpusHead"u8))
            throw new AudioFormatException(name, "invalid Ogg Opus: the first packet is not an OpusHead");
        if (p[8] >> 4 != 0) throw new AudioFormatException(name, $"unsupported Ogg Opus version {p[8]}");
        int channels = p[9];
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(10));
        int gain = BinaryPrimitives.ReadInt16LittleEndian(p.AsSpan(16));
        int family = p[18];
        if (channels < 1) throw new AudioFormatException(name, "invalid Ogg Opus: zero channels");
        if (family == 0)
        {
            if (channels > 2) throw new AudioFormatException(name, $"invalid Ogg Opus: mapping family 0 with {channels} channels");
            return new OpusHead(channels, preSkip, gain, 1, channels - 1, channels == 1 ? [0] : [0, 1]);
        }
        if (p.Length < 21 + channels) throw new AudioFormatException(name, "invalid Ogg Opus: OpusHead channel mapping cut short");
        return new OpusHead(channels, preSkip, gain, p[19], p[20], p.AsSpan(21, channels).ToArray());
    }
}
