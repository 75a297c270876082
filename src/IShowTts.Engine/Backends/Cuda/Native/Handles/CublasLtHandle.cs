// A cublasLtHandle_t; one per backend.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class CublasLtHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CublasLt.cublasLtDestroy(value);
}
