// One device allocation from cuMemAlloc (a pool block: Memory/DeviceMemoryPool hands these out and takes
// them back; only the pool frees them). Device memory is never exposed as a Span.
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class DeviceMemoryHandle : SafeHandle
{
    private readonly nint _context;

    public DeviceMemoryHandle(ulong pointer, long bytes, nint context) : base(0, ownsHandle: true)
    {
        SetHandle((nint)pointer);
        Bytes = bytes;
        _context = context;
    }

    public long Bytes { get; }

    public ulong Pointer => (ulong)handle;

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        if (CudaDriver.cuCtxSetCurrent(_context) != 0) return false;
        return CudaDriver.cuMemFree((ulong)handle) == 0;
    }
}
