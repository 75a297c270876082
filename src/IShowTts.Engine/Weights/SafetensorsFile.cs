// A .safetensors file, memory-mapped read-only; the header is validated completely on Open so a corrupt or
// truncated file fails there, naming the file and the tensor. Reads copy out of the mapping (thread-safe);
// F16/BF16 are widened to float32 on request. Not a writer (SafetensorsWriter) and not a model loader.
using System.Collections.ObjectModel;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Weights.Internal;

namespace IShowTts.Engine.Weights;

public sealed class SafetensorsFile : IWeightFile
{
    // Reads convert in slices so a tensor larger than 2 GiB never needs one span over all of it.
    private const int SliceElements = 1 << 26;

    private readonly MappedFileView? _view;   // null for a file without any data bytes
    private readonly Dictionary<string, SafetensorsEntry> _entries;
    private readonly long _dataStart;
    private bool _disposed;

    public string FilePath { get; }
    public IReadOnlyDictionary<string, WeightInfo> Tensors { get; }
    public IReadOnlyDictionary<string, string> Unreadable { get; }
    /// <summary>The header's <c>__metadata__</c> (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    private SafetensorsFile(string path, MappedFileView? view, SafetensorsHeader header)
    {
        FilePath = path;
        _view = view;
        _dataStart = header.DataStart;
        Metadata = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(header.Metadata));
        _entries = header.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

        var tensors = new Dictionary<string, WeightInfo>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in header.Entries)
        {
            if (SafetensorsDTypes.ToEngine(entry.DTypeName) is { } dtype)
                tensors.Add(entry.Name, new WeightInfo(entry.Name, dtype, entry.Shape));
            else
                unreadable.Add(entry.Name, $"dtype {entry.DTypeName} {ShapeText.Format(entry.Shape)}, which the engine does not read (it reads F32, F16, BF16)");
        }
        Tensors = new ReadOnlyDictionary<string, WeightInfo>(tensors);
        Unreadable = new ReadOnlyDictionary<string, string>(unreadable);
    }

    /// <summary>Opens and validates <paramref name="path"/>; throws <see cref="EngineException"/> naming the file (and tensor) when it is unusable.</summary>
    public static SafetensorsFile Open(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new EngineException($"Weight file '{path}' does not exist.");
        long fileLength;
        byte[] headerBytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            fileLength = stream.Length;
            Span<byte> prefix = stackalloc byte[8];
            stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false);
            long headerLength = SafetensorsHeader.ReadHeaderLength(prefix, fileLength, path);
            headerBytes = new byte[headerLength];
            stream.ReadExactly(headerBytes);
        }
        catch (IOException e)
        {
            throw new EngineException($"Cannot read weight file '{path}': {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EngineException($"Cannot read weight file '{path}': {e.Message}", e);
        }

        var header = SafetensorsHeader.Parse(headerBytes, fileLength, path);
        var view = fileLength > header.DataStart ? MapOrThrow(path, fileLength) : null;
        return new SafetensorsFile(path, view, header);
    }

    private static MappedFileView MapOrThrow(string path, long fileLength)
    {
        try
        {
            return MappedFileView.Open(path, fileLength);
        }
        catch (IOException e)
        {
            throw new EngineException($"Cannot memory-map weight file '{path}': {e.Message}", e);
        }
    }

    public void ReadFloat32(string name, Span<float> destination)
    {
        var (info, entry) = Find(name);
        if (destination.Length != info.ElementCount)
            throw new ArgumentException($"'{name}' has {info.ElementCount} elements; the destination holds {destination.Length}.", nameof(destination));
        int size = info.DType.SizeInBytes();
        for (long done = 0; done < info.ElementCount; done += SliceElements)
        {
            int count = (int)Math.Min(SliceElements, info.ElementCount - done);
            var source = _view!.Span(_dataStart + entry.Begin + done * size, count * size);
            ElementConversion.ToFloat32(info.DType, source, destination.Slice((int)done, count));
        }
    }

    public void CopyRaw(string name, Span<byte> destination)
    {
        var (info, entry) = Find(name);
        if (destination.Length != info.ByteLength)
            throw new ArgumentException($"'{name}' holds {info.ByteLength} bytes; the destination holds {destination.Length}.", nameof(destination));
        if (destination.Length > 0)
            _view!.Span(_dataStart + entry.Begin, destination.Length).CopyTo(destination);
    }

    private (WeightInfo Info, SafetensorsEntry Entry) Find(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Tensors.TryGetValue(name, out var info))
            return (info, _entries[name]);
        if (Unreadable.TryGetValue(name, out var reason))
            throw new EngineException($"Tensor '{name}' in '{FilePath}' cannot be read: {reason}.");
        throw new EngineException($"Weight file '{FilePath}' has no tensor '{name}'.");
    }

    public void Dispose()
    {
        _disposed = true;
        _view?.Dispose();
    }
}
