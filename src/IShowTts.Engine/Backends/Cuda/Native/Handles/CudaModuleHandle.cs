// A loaded CUmodule (one compiled .cu); its CUfunctions die with it.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class CudaModuleHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CudaDriver.cuModuleUnload(value);
}
