// Page-locked host memory from cuMemHostAlloc (staging for asynchronous copies).
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class PinnedHostMemoryHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CudaDriver.cuMemFreeHost(value);
}
