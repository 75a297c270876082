// A CUevent for timing or ordering; destroyed with cuEventDestroy.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class CudaEventHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CudaDriver.cuEventDestroy(value);
}
