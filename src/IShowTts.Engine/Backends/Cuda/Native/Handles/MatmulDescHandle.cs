// A cublasLtMatmulDesc_t: compute type, transposes and epilogue of one cached GEMM plan.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class MatmulDescHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CublasLt.cublasLtMatmulDescDestroy(value);
}
