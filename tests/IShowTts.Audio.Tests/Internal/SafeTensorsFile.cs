// Minimal safetensors reader for the golden files: 8-byte header length, JSON header, raw little-endian
// data; F32 and I16 only. Test-only, so the Audio tests need not reference the engine's real loader.
using System.Text.Json;

namespace IShowTts.Audio.Tests.Internal;

internal sealed class SafeTensorsFile
{
    readonly byte[] bytes;
    readonly int dataStart;
    readonly Dictionary<string, (string DType, long[] Shape, long Begin, long End)> entries = new(StringComparer.Ordinal);

    public SafeTensorsFile(string path)
    {
        bytes = File.ReadAllBytes(path);
        long headerLength = BitConverter.ToInt64(bytes, 0);
        dataStart = checked(8 + (int)headerLength);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        foreach (var property in header.RootElement.EnumerateObject())
        {
            if (property.Name == "__metadata__") continue;
            var e = property.Value;
            var offsets = e.GetProperty("data_offsets");
            entries[property.Name] = (
                e.GetProperty("dtype").GetString()!,
                e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                offsets[0].GetInt64(),
                offsets[1].GetInt64());
        }
    }

    public bool Contains(string name) => entries.ContainsKey(name);

    public long[] Shape(string name) => Entry(name).Shape;

    public float[] ReadF32(string name) => Read<float>(name, "F32");

    public short[] ReadI16(string name) => Read<short>(name, "I16");

    T[] Read<T>(string name, string dtype) where T : unmanaged
    {
        var e = Entry(name);
        if (e.DType != dtype) throw new InvalidDataException($"{name}: dtype {e.DType}, expected {dtype}");
        var span = bytes.AsSpan(dataStart + (int)e.Begin, (int)(e.End - e.Begin));
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(span).ToArray(); // little-endian host
    }

    (string DType, long[] Shape, long Begin, long End) Entry(string name)
        => entries.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"tensor '{name}' not in the safetensors file");
}
