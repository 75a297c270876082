// A captured CUgraph (the template a CudaGraphExecHandle is instantiated from).
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class CudaGraphHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CudaDriver.cuGraphDestroy(value);
}
