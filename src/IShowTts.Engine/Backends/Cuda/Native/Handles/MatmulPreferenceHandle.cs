// A cublasLtMatmulPreference_t: workspace limit and operand alignments for the heuristic query.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class MatmulPreferenceHandle(nint handle, nint context = 0) : NativeHandle(handle, context)
{
    protected override int Destroy(nint value) => CublasLt.cublasLtMatmulPreferenceDestroy(value);
}
