// Serialises a safetensors header: the u64 LE length prefix and the JSON, padded with spaces so the data
// region starts 8-byte aligned. Shared by SafetensorsWriter and tests that lay out files by hand; takes dtype
// names as strings so tests can also describe entries the engine does not read.
using System.Buffers;
using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IShowTts.Engine.Weights.Internal;

internal static class SafetensorsHeaderWriter
{
    /// <summary>Prefix + JSON for the entries in order, their data laid out back to back; returns the data length too.</summary>
    public static byte[] Build(IEnumerable<(string Name, string DTypeName, long[] Shape, long ByteLength)> entries,
        IReadOnlyDictionary<string, string>? metadata, out long dataLength)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                    writer.WriteString(key, value);
                writer.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, dtype, shape, byteLength) in entries)
            {
                writer.WriteStartObject(name);
                writer.WriteString("dtype", dtype);
                writer.WriteStartArray("shape");
                foreach (var dim in shape) writer.WriteNumberValue(dim);
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + byteLength);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += byteLength;
            }
            writer.WriteEndObject();
            dataLength = offset;
        }

        int padded = (json.WrittenCount + 7) / 8 * 8;
        var header = new byte[8 + padded];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)padded);
        json.WrittenSpan.CopyTo(header.AsSpan(8));
        header.AsSpan(8 + json.WrittenCount).Fill((byte)' ');
        return header;
    }
}
