using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using IShowTts.Engine.Backends.Cpu.Blas;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend
{
    private const int AttentionQueryBlock = 256;

    public void Rotary(Tensor qkv, int b, int n, int h, int dh, int rotaryHeads)
    {
        int half = dh / 2, rowSize = 3 * h * dh, heads = Math.Min(rotaryHeads, h);
        var (cos, sin) = RotaryTable(n, dh);
        var xs = Array(qkv, out var xo);
        For(b * n, (long)heads * dh * 2, row =>
        {
            int t = row % n;
            for (int part = 0; part < 2; part++) // q, then k
                for (int head = 0; head < heads; head++)
                {
                    int baseIdx = xo + row * rowSize + part * h * dh + head * dh;
                    for (int j = 0; j < half; j++)
                    {
                        float c = cos[t * half + j], s = sin[t * half + j];
                        float a = xs[baseIdx + 2 * j], bb = xs[baseIdx + 2 * j + 1];
                        xs[baseIdx + 2 * j] = a * c - bb * s;
                        xs[baseIdx + 2 * j + 1] = bb * c + a * s;
                    }
                }
        });
    }

    public void Attention(Tensor y, Tensor qkv, int b, int n, int h, int dh)
    {
        int hd = h * dh, rowSize = 3 * hd;
        var xs = Array(qkv, out var xo);
        var ys = Array(y, out var yo);
        float scale = 1f / MathF.Sqrt(dh);
        int block = Math.Min(AttentionQueryBlock, n);
        // With OpenBLAS, heads run one after another on its threads (concurrent callers contend for its
        // pool, and changing its global thread count would change other callers' kernels and rounding);
        // softmax rows run in parallel. The managed GEMM is single-threaded per call: heads in parallel.
        bool serialHeads = Gemm.BlasActive;
        int workers = serialHeads ? 1 : Math.Min(Environment.ProcessorCount, b * h);
        var scores = new float[workers][];
        for (int i = 0; i < workers; i++) scores[i] = _scratch.Rent((long)block * n);
        try
        {
            int next = -1;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                var s = scores[worker];
                for (int pair = Interlocked.Increment(ref next); pair < b * h; pair = Interlocked.Increment(ref next))
                {
                    int item = pair / h, head = pair % h;
                    int q0 = xo + item * n * rowSize + head * dh;
                    int k0 = q0 + hd, v0 = q0 + 2 * hd;
                    for (int start = 0; start < n; start += block)
                    {
                        int rows = Math.Min(block, n - start);
                        // S = Q·Kᵀ/√dh, read straight from the packed buffer through its row stride.
                        Gemm.Run(false, true, rows, n, dh, scale,
                            xs.AsSpan(q0 + start * rowSize, (rows - 1) * rowSize + dh), rowSize,
                            xs.AsSpan(k0, (n - 1) * rowSize + dh), rowSize, 0f, s.AsSpan(0, rows * n), n);
                        if (serialHeads) For(rows, n, r => SoftmaxInPlace(s.AsSpan(r * n, n)));
                        else for (int r = 0; r < rows; r++) SoftmaxInPlace(s.AsSpan(r * n, n));
                        Gemm.Run(false, false, rows, dh, n, 1f, s.AsSpan(0, rows * n), n,
                            xs.AsSpan(v0, (n - 1) * rowSize + dh), rowSize, 0f,
                            ys.AsSpan(yo + (item * n + start) * hd + head * dh, (rows - 1) * hd + dh), hd);
                    }
                }
            });
        }
        finally
        {
            foreach (var s in scores) _scratch.Return(s);
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int N, int Dh), (float[] Cos, float[] Sin)> _rotary = new();

    /// <summary>cos/sin of θ(t, j) = t · 1/10000^(2j/dh) in float32 like x_transformers, (n, dh/2) each, built once per size.</summary>
    private (float[] Cos, float[] Sin) RotaryTable(int n, int dh) => _rotary.GetOrAdd((n, dh), key =>
    {
        int half = key.Dh / 2;
        var invFreq = new float[half];
        for (int j = 0; j < half; j++) invFreq[j] = 1f / MathF.Pow(10000f, (2f * j) / key.Dh);
        var cos = new float[key.N * half];
        var sin = new float[key.N * half];
        for (int t = 0; t < key.N; t++)
            for (int j = 0; j < half; j++)
            {
                float angle = t * invFreq[j];
                cos[t * half + j] = (float)Math.Cos(angle);
                sin[t * half + j] = (float)Math.Sin(angle);
            }
        return (cos, sin);
    });

    private static void SoftmaxInPlace(Span<float> row)
    {
        float max = TensorPrimitives.Max(row);
        TensorPrimitives.Subtract(row, max, row);
        TensorPrimitives.Exp(row, row);
        float sum = TensorPrimitives.Sum(row);
        TensorPrimitives.Multiply(row, 1f / sum, row);
    }
}
