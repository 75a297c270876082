// Splits an Ogg file (RFC 3533) into the packets of its first logical stream, with the last granule
// position seen. Pages of other streams are skipped; CRCs are not checked (the codec rejects garbage).
// A page cut short by the end of the file is reported as truncation.
using System.Buffers.Binary;

namespace IShowTts.Audio.Internal;

internal sealed class OggPackets
{
    OggPackets(List<byte[]> packets, long lastGranule)
    {
        Packets = packets;
        LastGranule = lastGranule;
    }

    public List<byte[]> Packets { get; }

    /// <summary>The granule position of the stream's last page that carried one (−1 when none did).</summary>
    public long LastGranule { get; }

    public static OggPackets Read(ReadOnlySpan<byte> file, string name, string codec)
    {
        var packets = new List<byte[]>();
        var partial = new List<byte>();
        long lastGranule = -1;
        int? serial = null;
        int pos = 0;
        while (pos < file.Length)
        {
            if (file.Length - pos < 27 || !file.Slice(pos, 4).SequenceEqual("OggS"u8))
            {
                if (file.Length - pos < 27 && file[pos..].SequenceEqual("OggS"u8[..Math.Min(4, file.Length - pos)]))
                    throw new AudioFormatException(name, $"truncated {codec}: the Ogg page at byte {pos} is cut short");
                throw new AudioFormatException(name, $"corrupt {codec}: no Ogg page at byte {pos}");
            }
            var header = file.Slice(pos, 27);
            long granule = BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
            int pageSerial = BinaryPrimitives.ReadInt32LittleEndian(header[14..]);
            int segments = header[26];
            if (pos + 27 + segments > file.Length)
                throw new AudioFormatException(name, $"truncated {codec}: the Ogg page at byte {pos} is cut short");
            var lacing = file.Slice(pos + 27, segments);
            int bodyLength = 0;
            foreach (var l in lacing) bodyLength += l;
            int body = pos + 27 + segments;
            if (body + bodyLength > file.Length)
                throw new AudioFormatException(name, $"truncated {codec}: the Ogg page at byte {pos} is cut short");

            serial ??= pageSerial;
            if (pageSerial == serial)
            {
                bool continued = (header[5] & 1) != 0;
                if (!continued) partial.Clear(); // a packet left open without a continuation page is dropped
                int offset = body;
                foreach (var l in lacing)
                {
                    partial.AddRange(file.Slice(offset, l));
                    offset += l;
                    if (l < 255)
                    {
                        packets.Add(partial.ToArray());
                        partial.Clear();
                    }
                }
                if (granule != -1) lastGranule = granule;
            }
            pos = body + bodyLength;
        }
        return new OggPackets(packets, lastGranule);
    }
}
