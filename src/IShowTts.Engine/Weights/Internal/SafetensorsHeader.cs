// Parses and fully validates a safetensors header (u64 LE length, JSON, data region) before any tensor
// is read: every entry's dtype, shape and data_offsets, sizes that agree with the shape, offsets inside the
// data region and no two tensors overlapping. Every problem is collected and reported at once, naming the
// file and the tensor. Not a reader of tensor data (SafetensorsFile does that).
using System.Buffers.Binary;
using System.Text.Json;

namespace IShowTts.Engine.Weights.Internal;

internal sealed record SafetensorsEntry(string Name, string DTypeName, long[] Shape, long Begin, long End);

internal sealed class SafetensorsHeader
{
    /// <summary>Headers larger than this are refused as corrupt (the reference implementation's limit).</summary>
    public const long MaxHeaderLength = 100_000_000;

    public required IReadOnlyList<SafetensorsEntry> Entries { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    /// <summary>Byte offset of the data region in the file: 8 + header length.</summary>
    public required long DataStart { get; init; }

    /// <summary>Reads the 8-byte length prefix; throws naming the file when it cannot hold a header of that length.</summary>
    public static long ReadHeaderLength(ReadOnlySpan<byte> first8Bytes, long fileLength, string path)
    {
        if (fileLength < 8)
            throw new EngineException($"'{path}' is not a safetensors file: {fileLength} bytes is too short for the 8-byte header length (the file is empty or truncated).");
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(first8Bytes);
        if (length > (ulong)(fileLength - 8))
            throw new EngineException($"'{path}' is not a valid safetensors file: its header length {length} runs past the end of the {fileLength}-byte file (truncated, or not a safetensors file).");
        if (length > MaxHeaderLength)
            throw new EngineException($"'{path}' is not a valid safetensors file: header length {length} exceeds the {MaxHeaderLength}-byte limit.");
        if (length < 2)
            throw new EngineException($"'{path}' is not a valid safetensors file: header length {length} is too short for a JSON object.");
        return (long)length;
    }

    public static SafetensorsHeader Parse(ReadOnlyMemory<byte> headerJson, long fileLength, string path)
    {
        long dataStart = 8 + headerJson.Length;
        long dataLength = fileLength - dataStart;
        using var document = ParseJson(headerJson, path);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new EngineException($"'{path}' is not a valid safetensors file: the header is JSON but not an object ({document.RootElement.ValueKind}).");

        var problems = new List<string>();
        var entries = new List<SafetensorsEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add($"tensor '{property.Name}': appears twice in the header");
                continue;
            }
            if (property.Name == "__metadata__")
                ReadMetadata(property.Value, metadata, problems);
            else if (ReadEntry(property.Name, property.Value, dataLength, problems) is { } entry)
                entries.Add(entry);
        }
        FindOverlaps(entries, problems);
        if (problems.Count > 0)
            throw new EngineException($"'{path}' is not a valid safetensors file (truncated or corrupt):\n  - " + string.Join("\n  - ", problems));
        return new SafetensorsHeader { Entries = entries, Metadata = metadata, DataStart = dataStart };
    }

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> headerJson, string path)
    {
        try
        {
            return JsonDocument.Parse(headerJson);
        }
        catch (JsonException e)
        {
            throw new EngineException($"'{path}' is not a valid safetensors file: its header is not well-formed JSON ({e.Message}).", e);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"__metadata__: must be an object of strings, found {value.ValueKind}");
            return;
        }
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind == JsonValueKind.String)
                metadata[item.Name] = item.Value.GetString()!;
            else
                problems.Add($"__metadata__ '{item.Name}': must be a string, found {item.Value.ValueKind}");
        }
    }

    private static SafetensorsEntry? ReadEntry(string name, JsonElement value, long dataLength, List<string> problems)
    {
        int before = problems.Count;
        void Problem(string text) => problems.Add($"tensor '{name}': {text}");
        if (value.ValueKind != JsonValueKind.Object)
        {
            Problem($"entry must be an object, found {value.ValueKind}");
            return null;
        }

        string? dtype = value.TryGetProperty("dtype", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        int elementSize = 0;
        if (dtype is null)
            Problem("has no \"dtype\" string");
        else if (!SafetensorsDTypes.TryGetSize(dtype, out elementSize))
            Problem($"has dtype '{dtype}', which is not a safetensors dtype the engine knows (it reads F32, F16, BF16)");

        long[]? shape = ReadIntegers(value, "shape", expectedCount: null, out var shapeError);
        if (shapeError is not null) Problem(shapeError);
        long[]? offsets = ReadIntegers(value, "data_offsets", expectedCount: 2, out var offsetError);
        if (offsetError is not null) Problem(offsetError);
        if (problems.Count > before) return null;

        long begin = offsets![0], end = offsets[1];
        if (begin > end)
        {
            Problem($"data_offsets [{begin}, {end}] begin after they end");
            return null;
        }
        if (end > dataLength)
        {
            Problem($"data_offsets [{begin}, {end}] run past the {dataLength}-byte data region (the file is truncated or the header corrupt)");
            return null;
        }
        long elements;
        try
        {
            elements = ShapeText.ElementCount(shape!);
            long expectedBytes = checked(elements * elementSize);
            if (end - begin != expectedBytes)
            {
                Problem($"holds {end - begin} bytes but shape {ShapeText.Format(shape!)} of {dtype} needs {expectedBytes}");
                return null;
            }
        }
        catch (OverflowException)
        {
            Problem($"shape {ShapeText.Format(shape!)} is too large");
            return null;
        }
        return new SafetensorsEntry(name, dtype!, shape!, begin, end);
    }

    private static long[]? ReadIntegers(JsonElement entry, string field, int? expectedCount, out string? error)
    {
        error = null;
        if (!entry.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            error = $"has no \"{field}\" array";
            return null;
        }
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
            {
                error = $"\"{field}\" must hold non-negative integers, found {item.GetRawText()}";
                return null;
            }
            values[i++] = v;
        }
        if (expectedCount is { } count && values.Length != count)
        {
            error = $"\"{field}\" must hold {count} integers, found {values.Length}";
            return null;
        }
        return values;
    }

    private static void FindOverlaps(List<SafetensorsEntry> entries, List<string> problems)
    {
        var byStart = entries.Where(e => e.End > e.Begin).OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        SafetensorsEntry? furthest = null;
        foreach (var entry in byStart)
        {
            if (furthest is not null && entry.Begin < furthest.End)
                problems.Add($"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] overlap tensor '{furthest.Name}' [{furthest.Begin}, {furthest.End}]");
            if (furthest is null || entry.End > furthest.End)
                furthest = entry;
        }
    }
}
