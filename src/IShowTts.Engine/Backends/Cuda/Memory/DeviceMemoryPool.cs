// Caching device allocator: blocks are rounded (512 B under 1 MiB, else 2 MiB) and returned blocks are
// kept for the next request of the same size, so storages a request frees (Vocos buffers, mel inputs)
// cost no cuMemAlloc next time. All work runs on one stream, so a returned block can be handed out again
// at once: later kernels are ordered after earlier ones. Tracks bytes in use and their peak. Allocation
// can be forbidden (while a CUDA graph is recorded), so a workspace the eager run missed fails loudly.
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Memory;

internal sealed class DeviceMemoryPool(nint context) : IDisposable
{
    private const int OutOfMemory = 2;
    private readonly Dictionary<long, Stack<DeviceMemoryHandle>> _cached = [];
    private readonly Lock _gate = new();

    /// <summary>Bytes handed out and not yet returned (weights, activations, workspaces).</summary>
    public long InUseBytes { get; private set; }

    /// <summary>Bytes kept for reuse.</summary>
    public long CachedBytes { get; private set; }

    public long PeakInUseBytes { get; private set; }

    public long PeakReservedBytes { get; private set; }

    /// <summary>When set, Rent throws with this reason (a CUDA graph is being recorded).</summary>
    public string? ForbidAllocation { get; set; }

    public DeviceMemoryHandle Rent(long bytes)
    {
        long size = RoundUp(Math.Max(bytes, 1));
        if (ForbidAllocation is { } reason)
            throw new CudaException($"device memory ({Mib(size)}) requested while {reason}");
        lock (_gate)
        {
            DeviceMemoryHandle block;
            if (_cached.TryGetValue(size, out var stack) && stack.Count > 0)
            {
                block = stack.Pop();
                CachedBytes -= size;
            }
            else
            {
                int status = CudaDriver.cuMemAlloc(out var pointer, (nuint)size);
                if (status == OutOfMemory && CachedBytes > 0)
                {
                    ReleaseCachedLocked();
                    status = CudaDriver.cuMemAlloc(out pointer, (nuint)size);
                }
                if (status == OutOfMemory)
                {
                    CudaDriver.cuMemGetInfo(out var free, out var total);
                    throw new CudaException(
                        $"the GPU is out of memory: {Mib(size)} requested, {Mib(InUseBytes)} in use by the engine, " +
                        $"{Mib((long)free)} free of {Mib((long)total)} (another process may hold the rest)");
                }
                CudaDriver.Check(status, $"cuMemAlloc({size})");
                block = new DeviceMemoryHandle(pointer, size, context);
            }
            InUseBytes += size;
            PeakInUseBytes = Math.Max(PeakInUseBytes, InUseBytes);
            PeakReservedBytes = Math.Max(PeakReservedBytes, InUseBytes + CachedBytes);
            return block;
        }
    }

    public void Return(DeviceMemoryHandle block)
    {
        lock (_gate)
        {
            InUseBytes -= block.Bytes;
            if (!_cached.TryGetValue(block.Bytes, out var stack)) _cached[block.Bytes] = stack = new Stack<DeviceMemoryHandle>();
            stack.Push(block);
            CachedBytes += block.Bytes;
        }
    }

    /// <summary>Frees every cached block (the caller has synchronised the stream).</summary>
    public void ReleaseCached()
    {
        lock (_gate) ReleaseCachedLocked();
    }

    public void ResetPeak()
    {
        lock (_gate)
        {
            PeakInUseBytes = InUseBytes;
            PeakReservedBytes = InUseBytes + CachedBytes;
        }
    }

    public void Dispose() => ReleaseCached();

    private void ReleaseCachedLocked()
    {
        foreach (var stack in _cached.Values)
            while (stack.Count > 0) stack.Pop().Dispose();
        CachedBytes = 0;
    }

    private static long RoundUp(long bytes)
    {
        long unit = bytes < (1 << 20) ? 512 : 2 << 20;
        return (bytes + unit - 1) / unit * unit;
    }

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MiB";
}
