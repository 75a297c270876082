// Row-major single-precision GEMM: C (m, n) = alpha · op(A) · op(B) + beta · C, with leading dimensions,
// so strided views (one head of a packed q/k/v buffer) need no copy. OpenBLAS when present, else the
// managed kernel; the choice can be forced for tests and for the bench's BLAS-vs-model comparison.
namespace IShowTts.Engine.Backends.Cpu.Blas;

internal static unsafe class Gemm
{
    /// <summary>Set to false to force the managed kernel (tests compare both).</summary>
    public static bool UseBlas { get; set; } = true;

    public static bool BlasActive => UseBlas && OpenBlas.IsAvailable;

    public static void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (m == 0 || n == 0) return;
        if (BlasActive)
        {
            fixed (float* pa = a, pb = b, pc = c)
                OpenBlas.Sgemm(OpenBlas.RowMajor, transA ? OpenBlas.Trans : OpenBlas.NoTrans,
                    transB ? OpenBlas.Trans : OpenBlas.NoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            return;
        }
        ManagedGemm.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
