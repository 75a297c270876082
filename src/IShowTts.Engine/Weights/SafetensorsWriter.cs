// Writes a .safetensors file atomically: everything goes to a temporary file beside the target, which is
// renamed over it only when complete, so a failure never leaves a partial file. Tensors are laid out in the
// order given, the data region 8-byte aligned. Not a converter: data must already be little-endian bytes.
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Weights.Internal;

namespace IShowTts.Engine.Weights;

public static class SafetensorsWriter
{
    public static void Write(string path,
        IEnumerable<(string Name, DType DType, long[] Shape, ReadOnlyMemory<byte> Data)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, dtype, shape, data) in list)
        {
            if (string.IsNullOrEmpty(name) || name == "__metadata__")
                throw new ArgumentException($"'{name}' is not a valid tensor name.", nameof(tensors));
            if (!names.Add(name))
                throw new ArgumentException($"Tensor '{name}' is listed twice.", nameof(tensors));
            long expected = checked(ShapeText.ElementCount(shape) * dtype.SizeInBytes());
            if (data.Length != expected)
                throw new ArgumentException($"Tensor '{name}': shape {ShapeText.Format(shape)} of {dtype} needs {expected} bytes, got {data.Length}.", nameof(tensors));
        }

        var header = SafetensorsHeaderWriter.Build(
            list.Select(t => (t.Name, SafetensorsDTypes.Name(t.DType), t.Shape, (long)t.Data.Length)), metadata, out _);
        WriteAtomically(path, stream =>
        {
            stream.Write(header);
            foreach (var tensor in list)
                stream.Write(tensor.Data.Span);
        });
    }

    /// <summary>Runs <paramref name="write"/> against a temporary file beside <paramref name="path"/>, then renames it over the target; on failure the temporary file is deleted.</summary>
    internal static void WriteAtomically(string path, Action<FileStream> write)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
