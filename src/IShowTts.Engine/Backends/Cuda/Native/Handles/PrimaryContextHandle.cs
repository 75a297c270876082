// The device's primary CUcontext, retained for one CudaBackend (shared with any other user of the same
// device in this process, as the runtime API does); released with cuDevicePrimaryCtxRelease.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class PrimaryContextHandle(nint context, int device) : NativeHandle(context)
{
    public int Device { get; } = device;

    protected override int Destroy(nint value) => CudaDriver.cuDevicePrimaryCtxRelease(Device);
}
