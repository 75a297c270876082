// A block of backend memory that tensors view. Owned by exactly one backend (or one State); disposing
// it releases the memory. CPU storage is a managed float array; CUDA storage is a device allocation.
namespace IShowTts.Engine.Tensors;

public abstract class TensorStorage : IDisposable
{
    protected TensorStorage(DType dtype, long capacity)
    {
        DType = dtype;
        Capacity = capacity;
    }

    /// <summary>Element type of every element in this storage.</summary>
    public DType DType { get; }

    /// <summary>Number of elements the storage holds.</summary>
    public long Capacity { get; }

    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Release();
        GC.SuppressFinalize(this);
    }

    protected abstract void Release();
}
