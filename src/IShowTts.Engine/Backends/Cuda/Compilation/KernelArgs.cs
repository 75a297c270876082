// The kernelParams array of cuLaunchKernel: values packed into one native buffer and a pointer to each.
// One instance per backend, reused for every launch (cuLaunchKernel copies the values), so launching
// allocates nothing. Not thread-safe, like the backend's stream.
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

internal sealed unsafe class KernelArgs : IDisposable
{
    private const int CapacityBytes = 4096;
    private const int MaxArguments = 32;
    private byte* _values = (byte*)NativeMemory.AlignedAlloc(CapacityBytes, 16);
    private void** _pointers = (void**)NativeMemory.Alloc(MaxArguments, (nuint)sizeof(void*));
    private int _offset;

    public int Count { get; private set; }

    public void** Pointers => _pointers;

    public KernelArgs Begin()
    {
        _offset = 0;
        Count = 0;
        return this;
    }

    public KernelArgs Add<T>(T value) where T : unmanaged
    {
        int align = Math.Min(sizeof(T) >= 8 ? 8 : sizeof(T) >= 4 ? 4 : 1, 8);
        _offset = (_offset + align - 1) / align * align;
        if (_offset + sizeof(T) > CapacityBytes || Count == MaxArguments)
            throw new InvalidOperationException("kernel arguments exceed the launch buffer");
        *(T*)(_values + _offset) = value;
        _pointers[Count++] = _values + _offset;
        _offset += sizeof(T);
        return this;
    }

    public void Dispose()
    {
        if (_values is not null) NativeMemory.AlignedFree(_values);
        if (_pointers is not null) NativeMemory.Free(_pointers);
        _values = null;
        _pointers = null;
    }
}
