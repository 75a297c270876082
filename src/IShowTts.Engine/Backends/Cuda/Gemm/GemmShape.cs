// Everything that decides a cuBLASLt plan for one row-major GEMM y (rows, cols) = x (rows, k) · w (cols, k)ᵀ
// (batched with element strides): sizes, leading dimensions, element types, epilogue and the operands'
// pointer alignments (the heuristic picks kernels that rely on them) and the pointer mode (a host alpha,
// or a device vector of per-output-column alphas: the DiT's gate). Key of the plan cache.
namespace IShowTts.Engine.Backends.Cuda.Gemm;

/// <param name="AbType">cudaDataType of x and w.</param>
/// <param name="DType">cudaDataType of y (C = D).</param>
/// <param name="BiasType">cudaDataType of the bias, or −1 without one.</param>
internal readonly record struct GemmShape(
    int Rows, int Cols, int K, int Ldx, int Ldw, int Ldy,
    int Batch, long StrideX, long StrideW, long StrideY,
    int AbType, int DType, uint Epilogue, int BiasType,
    int AlignX, int AlignW, int AlignY, int PointerMode = 0);
