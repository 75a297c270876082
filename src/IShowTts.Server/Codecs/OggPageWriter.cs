// Ogg framing (RFC 3533) for one logical stream: packets are laced into pages, each page carries the
// granule position of its last completed packet and a CRC-32 (polynomial 0x04C11DB7, not reflected).
// Pages are written whole, so a streamed response is always playable up to its last page.
using System.Buffers.Binary;

namespace IShowTts.Server.Codecs;

internal sealed class OggPageWriter(Stream output, int serial)
{
    private const byte Continued = 0x01, FirstPage = 0x02, LastPage = 0x04;
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly List<byte[]> _packets = [];
    private int _sequence;
    private bool _first = true;

    public void Add(byte[] packet) => _packets.Add(packet);

    /// <summary>Writes the packets added since the last flush as one or more pages ending at <paramref name="granule"/>.</summary>
    public async ValueTask FlushAsync(long granule, bool last, CancellationToken cancel)
    {
        if (_packets.Count == 0 && !last) return;
        // Lacing: each packet is 255-byte segments plus a final one < 255 (0 when it divides evenly).
        var segments = new List<byte>();
        var body = new MemoryStream();
        foreach (var p in _packets)
        {
            int n = p.Length;
            while (n >= 255) { segments.Add(255); n -= 255; }
            segments.Add((byte)n);
            body.Write(p);
        }
        _packets.Clear();
        var data = body.ToArray();
        int segIndex = 0, dataIndex = 0;
        bool continued = false;
        do
        {
            int count = Math.Min(255, segments.Count - segIndex);
            int bytes = 0;
            for (int i = 0; i < count; i++) bytes += segments[segIndex + i];
            bool endsPacket = count == 0 || segments[segIndex + count - 1] < 255;
            bool final = segIndex + count == segments.Count;
            byte flags = (byte)((continued ? Continued : 0) | (_first ? FirstPage : 0) | (last && final ? LastPage : 0));
            var page = new byte[27 + count + bytes];
            "OggS"u8.CopyTo(page);
            page[4] = 0;
            page[5] = flags;
            BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), final && endsPacket ? granule : -1);
            BinaryPrimitives.WriteInt32LittleEndian(page.AsSpan(14), serial);
            BinaryPrimitives.WriteInt32LittleEndian(page.AsSpan(18), _sequence++);
            page[26] = (byte)count;
            for (int i = 0; i < count; i++) page[27 + i] = segments[segIndex + i];
            Array.Copy(data, dataIndex, page, 27 + count, bytes);
            BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), Crc(page));
            await output.WriteAsync(page, cancel);
            _first = false;
            continued = !endsPacket;
            segIndex += count;
            dataIndex += bytes;
        }
        while (segIndex < segments.Count);
    }

    internal static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data) crc = (crc << 8) ^ CrcTable[((crc >> 24) ^ b) & 0xFF];
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint r = i << 24;
            for (int k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            table[i] = r;
        }
        return table;
    }
}
