// A PyTorch torch.save checkpoint (.bin/.pt/.pth zip: <prefix>/data.pkl + one raw little-endian blob per
// storage under <prefix>/data/<key>). The pickle is read by RestrictedUnpickler, which executes nothing and
// refuses every global but the few a state dict names. Storage blobs are read through the zip (stored or
// deflated). Not the legacy pre-1.6 format and not a general pickle loader.
using System.Collections.ObjectModel;
using System.IO.Compression;
using System.Runtime.InteropServices;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Weights.Internal;
using IShowTts.Engine.Weights.Internal.Pickle;

namespace IShowTts.Engine.Weights;

public sealed class PyTorchCheckpoint : IWeightFile
{
    private const long MaxPickleBytes = 1L << 30;
    private const int SliceElements = 1 << 22;   // F16/BF16 convert through an 8 MiB buffer

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, (ZipArchiveEntry Entry, TorchTensor Tensor)> _sources;
    private readonly Lock _zipLock = new();   // ZipArchive over one stream is not safe for concurrent reads
    private bool _disposed;

    public string FilePath { get; }
    public IReadOnlyDictionary<string, WeightInfo> Tensors { get; }
    public IReadOnlyDictionary<string, string> Unreadable { get; }

    private PyTorchCheckpoint(string path, ZipArchive zip, Dictionary<string, (ZipArchiveEntry, TorchTensor)> sources,
        Dictionary<string, WeightInfo> tensors, Dictionary<string, string> unreadable)
    {
        FilePath = path;
        _zip = zip;
        _sources = sources;
        Tensors = new ReadOnlyDictionary<string, WeightInfo>(tensors);
        Unreadable = new ReadOnlyDictionary<string, string>(unreadable);
    }

    /// <summary>Opens <paramref name="path"/> and reads its tensor index; throws <see cref="EngineException"/> naming the file (and tensor, or forbidden global).</summary>
    public static PyTorchCheckpoint Open(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new EngineException($"Weight file '{path}' does not exist.");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new EngineException($"'{path}' is not a PyTorch checkpoint: it is not a readable zip archive ({e.Message}).", e);
        }
        try
        {
            return Index(path, zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static PyTorchCheckpoint Index(string path, ZipArchive zip)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
            entries.TryAdd(entry.FullName, entry);
        var pickles = entries.Keys.Where(n => n == "data.pkl" || (n.EndsWith("/data.pkl", StringComparison.Ordinal) && n.IndexOf('/') == n.Length - "/data.pkl".Length)).ToList();
        if (pickles.Count != 1)
            throw new EngineException($"'{path}' is not a torch.save checkpoint: expected one '<name>/data.pkl' in the zip, found {pickles.Count}.");
        string prefix = pickles[0][..^"data.pkl".Length];
        if (entries.TryGetValue(prefix + "byteorder", out var byteOrder))
        {
            var order = ReadText(byteOrder, path).Trim();
            if (order != "little")
                throw new EngineException($"'{path}' stores tensors in '{order}' byte order; only little-endian checkpoints are supported.");
        }

        var pickle = entries[pickles[0]];
        if (pickle.Length > MaxPickleBytes)
            throw new EngineException($"'{path}': data.pkl is {pickle.Length} bytes, too large for a state dict.");
        var root = RestrictedUnpickler.Load(ReadAll(pickle, path), path);

        var sources = new Dictionary<string, (ZipArchiveEntry, TorchTensor)>(StringComparer.Ordinal);
        var tensors = new Dictionary<string, WeightInfo>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, tensor) in TorchStateDict.Select(root, path))
        {
            var storage = tensor.Storage;
            if (!entries.TryGetValue(prefix + "data/" + storage.Key, out var blob))
            {
                problems.Add($"tensor '{name}': its storage blob '{prefix}data/{storage.Key}' is missing from the zip");
                continue;
            }
            if (blob.Length != storage.ElementCount * storage.ElementSize)
            {
                problems.Add($"tensor '{name}': storage '{storage.Key}' should hold {storage.ElementCount} × {storage.ElementSize} bytes, the blob has {blob.Length} (truncated or corrupt)");
                continue;
            }
            long count;
            try { count = ShapeText.ElementCount(tensor.Shape); }
            catch (Exception e) when (e is ArgumentException or OverflowException)
            {
                problems.Add($"tensor '{name}': invalid shape {ShapeText.Format(tensor.Shape)}");
                continue;
            }
            if (tensor.Offset < 0 || (count > 0 && tensor.Offset + count > storage.ElementCount))
            {
                problems.Add($"tensor '{name}': offset {tensor.Offset} + {count} elements run past its {storage.ElementCount}-element storage");
                continue;
            }
            if (storage.DType is not { } dtype)
                unreadable[name] = $"dtype {storage.TorchDTypeName} {ShapeText.Format(tensor.Shape)}, which the engine does not read (it reads float32, float16, bfloat16)";
            else if (!tensor.IsContiguous)
                unreadable[name] = $"non-contiguous layout (shape {ShapeText.Format(tensor.Shape)}, stride {ShapeText.Format(tensor.Stride)}); re-save it with .contiguous()";
            else
            {
                tensors[name] = new WeightInfo(name, dtype, tensor.Shape);
                sources[name] = (blob, tensor);
            }
        }
        if (problems.Count > 0)
            throw new EngineException($"'{path}' is not a usable PyTorch checkpoint (truncated or corrupt):\n  - " + string.Join("\n  - ", problems));
        return new PyTorchCheckpoint(path, zip, sources, tensors, unreadable);
    }

    public void ReadFloat32(string name, Span<float> destination)
    {
        var (info, entry, tensor) = Find(name);
        if (destination.Length != info.ElementCount)
            throw new ArgumentException($"'{name}' has {info.ElementCount} elements; the destination holds {destination.Length}.", nameof(destination));
        lock (_zipLock)
        {
            using var stream = OpenAt(entry, tensor, name);
            if (info.DType == DType.F32)
            {
                ReadExactly(stream, name, MemoryMarshal.AsBytes(destination));
                return;
            }
            int size = info.DType.SizeInBytes();
            var buffer = new byte[(int)Math.Min(info.ByteLength, SliceElements * size)];
            for (long done = 0; done < info.ElementCount; done += SliceElements)
            {
                int count = (int)Math.Min(SliceElements, info.ElementCount - done);
                var chunk = buffer.AsSpan(0, count * size);
                ReadExactly(stream, name, chunk);
                ElementConversion.ToFloat32(info.DType, chunk, destination.Slice((int)done, count));
            }
        }
    }

    public void CopyRaw(string name, Span<byte> destination)
    {
        var (info, entry, tensor) = Find(name);
        if (destination.Length != info.ByteLength)
            throw new ArgumentException($"'{name}' holds {info.ByteLength} bytes; the destination holds {destination.Length}.", nameof(destination));
        lock (_zipLock)
        {
            using var stream = OpenAt(entry, tensor, name);
            ReadExactly(stream, name, destination);
        }
    }

    private (WeightInfo Info, ZipArchiveEntry Entry, TorchTensor Tensor) Find(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Tensors.TryGetValue(name, out var info))
        {
            var (entry, tensor) = _sources[name];
            return (info, entry, tensor);
        }
        if (Unreadable.TryGetValue(name, out var reason))
            throw new EngineException($"Tensor '{name}' in '{FilePath}' cannot be read: {reason}.");
        throw new EngineException($"Weight file '{FilePath}' has no tensor '{name}'.");
    }

    /// <summary>The storage blob positioned at the tensor's first element. Call under the zip lock.</summary>
    private Stream OpenAt(ZipArchiveEntry entry, TorchTensor tensor, string name)
    {
        long skip = tensor.Offset * tensor.Storage.ElementSize;
        Stream? stream = null;
        try
        {
            stream = entry.Open();
            if (stream.CanSeek)
                stream.Seek(skip, SeekOrigin.Begin);
            else
                SkipBytes(stream, skip, name);
            return stream;
        }
        catch (InvalidDataException e)
        {
            stream?.Dispose();
            throw new EngineException($"Tensor '{name}' in '{FilePath}' cannot be read: {e.Message}", e);
        }
        catch
        {
            stream?.Dispose();
            throw;
        }
    }

    private void SkipBytes(Stream stream, long count, string name)
    {
        var scratch = new byte[(int)Math.Min(Math.Max(count, 1), 1 << 16)];
        while (count > 0)
        {
            int read = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count));
            if (read == 0) throw Truncated(name);
            count -= read;
        }
    }

    private void ReadExactly(Stream stream, string name, Span<byte> destination)
    {
        try
        {
            if (stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) != destination.Length)
                throw Truncated(name);
        }
        catch (InvalidDataException e)
        {
            throw new EngineException($"Tensor '{name}' in '{FilePath}' cannot be read: {e.Message}", e);
        }
    }

    private EngineException Truncated(string name) =>
        new($"Tensor '{name}' in '{FilePath}' cannot be read: its storage blob ends early (truncated or corrupt).");

    private static byte[] ReadAll(ZipArchiveEntry entry, string path)
    {
        try
        {
            using var stream = entry.Open();
            var bytes = new byte[entry.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new EngineException($"'{path}': cannot read '{entry.FullName}' from the zip ({e.Message}).", e);
        }
    }

    private static string ReadText(ZipArchiveEntry entry, string path) => System.Text.Encoding.ASCII.GetString(ReadAll(entry, path));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (_zipLock) _zip.Dispose();
    }
}
