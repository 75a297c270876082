// Base of every owned CUDA/NVRTC/cuBLASLt object: a SafeHandle over a pointer-sized handle whose
// ReleaseHandle calls the library's destroy function. Objects created inside a CUDA context make that
// context current before destroying (finalizers run on another thread).
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal abstract class NativeHandle : SafeHandle
{
    protected NativeHandle(nint handle, nint context = 0) : base(0, ownsHandle: true)
    {
        SetHandle(handle);
        Context = context;
    }

    /// <summary>The CUcontext the object lives in, or 0 for context-free objects.</summary>
    protected nint Context { get; }

    public override bool IsInvalid => handle == 0;

    public nint Value => handle;

    protected override bool ReleaseHandle()
    {
        if (Context != 0 && CudaDriver.cuCtxSetCurrent(Context) != 0) return false;
        return Destroy(handle) == 0;
    }

    /// <summary>Calls the library's destroy function; returns its status.</summary>
    protected abstract int Destroy(nint value);
}
