// An instantiated, launchable CUgraphExec.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class CudaGraphExecHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CudaDriver.cuGraphExecDestroy(value);
}
