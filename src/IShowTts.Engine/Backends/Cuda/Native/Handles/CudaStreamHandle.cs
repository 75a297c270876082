// A CUstream owned by one CudaBackend; destroyed with cuStreamDestroy.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class CudaStreamHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CudaDriver.cuStreamDestroy(value);
}
