// CUDA tensor memory: one pool block of device memory. Disposing returns the block to the backend's
// pool (it is reused, not freed). The device pointer never leaves the backend as a Span.
using IShowTts.Engine.Backends.Cuda.Native.Handles;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda.Memory;

internal sealed class CudaStorage : TensorStorage
{
    private readonly DeviceMemoryPool _pool;
    private readonly DeviceMemoryHandle _block;

    /// <summary>Takes ownership of <paramref name="block"/>, rented from <paramref name="pool"/>.</summary>
    public CudaStorage(DeviceMemoryPool pool, DeviceMemoryHandle block, DType dtype, long capacity) : base(dtype, capacity)
    {
        _pool = pool;
        _block = block;
    }

    public DeviceMemoryPool Pool => _pool;

    public ulong Pointer => IsDisposed ? throw new ObjectDisposedException(nameof(CudaStorage)) : _block.Pointer;

    protected override void Release() => _pool.Return(_block);
}
