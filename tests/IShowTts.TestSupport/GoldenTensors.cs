// Reads the tensors of a golden cases file (safetensors with F32 and I32 entries) for tests. The
// product's reader (IShowTts.Engine.Weights) handles weight dtypes only; cases also hold integers.
using System.Buffers.Binary;
using System.Text.Json;

namespace IShowTts.TestSupport;

public sealed class GoldenTensors
{
    private readonly byte[] _bytes;
    private readonly Dictionary<string, (string DType, int[] Shape, long Begin, long End)> _entries = new(StringComparer.Ordinal);
    private readonly long _dataStart;

    public GoldenTensors(string path)
    {
        Path = path;
        _bytes = File.ReadAllBytes(path);
        long headerLength = BinaryPrimitives.ReadInt64LittleEndian(_bytes);
        _dataStart = 8 + headerLength;
        using var header = JsonDocument.Parse(_bytes.AsMemory(8, (int)headerLength));
        foreach (var p in header.RootElement.EnumerateObject())
        {
            if (p.Name == "__metadata__") continue;
            var offsets = p.Value.GetProperty("data_offsets");
            _entries[p.Name] = (p.Value.GetProperty("dtype").GetString()!,
                p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                offsets[0].GetInt64(), offsets[1].GetInt64());
        }
    }

    public string Path { get; }

    public bool Contains(string name) => _entries.ContainsKey(name);

    public int[] Shape(string name) => Entry(name).Shape;

    public float[] Floats(string name)
    {
        var e = Entry(name);
        if (e.DType != "F32") throw new InvalidOperationException($"{Path}: {name} is {e.DType}, not F32");
        var span = _bytes.AsSpan((int)(_dataStart + e.Begin), (int)(e.End - e.Begin));
        var result = new float[span.Length / 4];
        for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]);
        return result;
    }

    public int[] Ints(string name)
    {
        var e = Entry(name);
        var span = _bytes.AsSpan((int)(_dataStart + e.Begin), (int)(e.End - e.Begin));
        int size = e.DType switch
        {
            "I32" => 4,
            "I64" => 8,
            _ => throw new InvalidOperationException($"{Path}: {name} is {e.DType}, not an integer type"),
        };
        var result = new int[span.Length / size];
        for (int i = 0; i < result.Length; i++)
            result[i] = size == 4 ? BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]) : checked((int)BinaryPrimitives.ReadInt64LittleEndian(span[(i * 8)..]));
        return result;
    }

    private (string DType, int[] Shape, long Begin, long End) Entry(string name) =>
        _entries.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"{Path} has no tensor '{name}'");
}
