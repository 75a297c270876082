// Fallback GEMM in managed code for machines without OpenBLAS: correct for every transpose and stride,
// parallel over rows of C, SIMD through TensorPrimitives. Several times slower than OpenBLAS; the
// bench reports which one ran.
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace IShowTts.Engine.Backends.Cpu.Blas;

internal static unsafe class ManagedGemm
{
    public static void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        // op(B) as rows of length k (n × k), op(A) likewise when transposed, so every output element is
        // one contiguous dot product.
        float[] bt = new float[(long)n * k];
        for (int j = 0; j < n; j++)
            for (int p = 0; p < k; p++)
                bt[(long)j * k + p] = transB ? b[j * ldb + p] : b[p * ldb + j];
        float[]? at = null;
        if (transA)
        {
            at = new float[(long)m * k];
            for (int i = 0; i < m; i++)
                for (int p = 0; p < k; p++)
                    at[(long)i * k + p] = a[p * lda + i];
        }

        fixed (float* pa = a, pc = c)
        {
            float* aPtr = pa, cPtr = pc;
            int aStride = transA ? k : lda;
            Parallel.For(0, m, i =>
            {
                var row = at is null ? new ReadOnlySpan<float>(aPtr + (long)i * aStride, k) : at.AsSpan(i * k, k);
                float* cRow = cPtr + (long)i * ldc;
                for (int j = 0; j < n; j++)
                {
                    var dot = TensorPrimitives.Dot(row, bt.AsSpan(j * k, k));
                    cRow[j] = beta == 0 ? alpha * dot : alpha * dot + beta * cRow[j];
                }
            });
        }
    }
}
