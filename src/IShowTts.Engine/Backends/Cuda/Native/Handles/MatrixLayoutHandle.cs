// A cublasLtMatrixLayout_t: type, rows, columns, leading dimension and batching of one operand.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class MatrixLayoutHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CublasLt.cublasLtMatrixLayoutDestroy(value);
}
