// A whole file mapped read-only into memory, the pointer held through the view's SafeHandle
// (SafeMemoryMappedViewHandle.AcquirePointer) so it stays valid until Dispose. Owns the map and the view.
// Not a general mmap wrapper: read-only, whole file, no growth.
using System.IO.MemoryMappedFiles;

namespace IShowTts.Engine.Weights.Internal;

internal sealed unsafe class MappedFileView : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _start;

    public long Length { get; }

    private MappedFileView(MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        _map = map;
        _view = view;
        Length = length;
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + _view.PointerOffset;
    }

    /// <summary>Maps <paramref name="path"/>, whose length must be at least 1 byte (an empty file cannot be mapped).</summary>
    public static MappedFileView Open(string path, long length)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        MemoryMappedFile map;
        try
        {
            map = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read,
                HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        try
        {
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return new MappedFileView(map, view, length);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>The bytes [offset, offset + length); the span is valid only until Dispose.</summary>
    public ReadOnlySpan<byte> Span(long offset, int length)
    {
        ObjectDisposedException.ThrowIf(_start == null, this);
        if (offset < 0 || length < 0 || offset > Length - length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{length}) outside a {Length}-byte file");
        return new ReadOnlySpan<byte>(_start + offset, length);
    }

    public void Dispose()
    {
        if (_start == null) return;
        _start = null;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
