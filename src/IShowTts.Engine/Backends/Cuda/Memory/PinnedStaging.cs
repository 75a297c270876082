// A ring of page-locked host memory through which uploads and downloads travel, so copies are truly
// asynchronous. A reservation that does not fit before the end waits for the stream (everything older is
// then done) and starts again at the front; anything larger than half the ring is moved in chunks.
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Memory;

internal sealed unsafe class PinnedStaging : IDisposable
{
    private readonly PinnedHostMemoryHandle _memory;
    private readonly Action _waitForStream;
    private long _offset;

    /// <param name="waitForStream">Blocks until every queued copy has finished (the backend's synchronize).</param>
    public PinnedStaging(long bytes, nint context, Action waitForStream)
    {
        CudaDriver.Check(CudaDriver.cuMemHostAlloc(out var pointer, (nuint)bytes, 0));
        _memory = new PinnedHostMemoryHandle(pointer, context);
        Capacity = bytes;
        _waitForStream = waitForStream;
    }

    public long Capacity { get; }

    /// <summary>The largest single reservation; larger transfers are split.</summary>
    public long MaxChunkBytes => Capacity / 2;

    public byte* Reserve(long bytes)
    {
        bytes = (bytes + 255) / 256 * 256;
        if (bytes > MaxChunkBytes) throw new ArgumentOutOfRangeException(nameof(bytes), "staging reservation larger than a chunk");
        if (_offset + bytes > Capacity)
        {
            _waitForStream();
            _offset = 0;
        }
        var p = (byte*)_memory.Value + _offset;
        _offset += bytes;
        return p;
    }

    /// <summary>The stream is idle: every region is free again.</summary>
    public void StreamIdle() => _offset = 0;

    public void Dispose() => _memory.Dispose();
}
