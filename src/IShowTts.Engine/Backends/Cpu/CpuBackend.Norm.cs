using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend
{
    public void LayerNorm(Tensor y, Tensor x, Tensor? gamma, Tensor? beta, int rows, int c, float eps)
    {
        ArraySegment<float>? g = gamma is null ? default(ArraySegment<float>?) : Segment(gamma, c);
        ArraySegment<float>? bt = beta is null ? default(ArraySegment<float>?) : Segment(beta, c);
        Normalize(y, x, rows, c, eps, row =>
        {
            if (g is { } gv) TensorPrimitives.Multiply(row, gv, row);
            if (bt is { } bv) TensorPrimitives.Add(row, bv, row);
        });
    }

    public void LayerNormModulate(Tensor y, Tensor x, Tensor shift, Tensor scale, int rows, int c, float eps)
    {
        var onePlusScale = Span(scale)[..c].ToArray();
        TensorPrimitives.Add(onePlusScale, 1f, onePlusScale);
        var sh = Segment(shift, c);
        Normalize(y, x, rows, c, eps, row => TensorPrimitives.MultiplyAdd(row, onePlusScale, sh, row));
    }

    private static void Normalize(Tensor y, Tensor x, int rows, int c, float eps, Action<Span<float>> after)
    {
        var xs = Array(x, out var xo);
        var ys = Array(y, out var yo);
        For(rows, c, r =>
        {
            var src = xs.AsSpan(xo + r * c, c);
            var dst = ys.AsSpan(yo + r * c, c);
            // Two passes in double: mean, then biased variance (PyTorch's LayerNorm).
            double mean = 0;
            for (int i = 0; i < c; i++) mean += src[i];
            mean /= c;
            double var = 0;
            for (int i = 0; i < c; i++) { double d = src[i] - mean; var += d * d; }
            var /= c;
            float inv = (float)(1.0 / Math.Sqrt(var + eps));
            float m = (float)mean;
            for (int i = 0; i < c; i++) dst[i] = (src[i] - m) * inv;
            after(dst);
        });
    }

    public void Grn(Tensor x, Tensor gamma, Tensor beta, int b, int n, int c)
    {
        var xs = Span(x);
        var g = Span(gamma)[..c];
        var bt = Span(beta)[..c];
        var norms = new double[c];
        var scale = new float[c];
        for (int item = 0; item < b; item++)
        {
            System.Array.Clear(norms);
            var block = xs.Slice(item * n * c, n * c);
            for (int t = 0; t < n; t++)
            {
                var row = block.Slice(t * c, c);
                for (int i = 0; i < c; i++) norms[i] += (double)row[i] * row[i];
            }
            double meanNorm = 0;
            for (int i = 0; i < c; i++) { norms[i] = Math.Sqrt(norms[i]); meanNorm += norms[i]; }
            meanNorm /= c;
            for (int i = 0; i < c; i++) scale[i] = (float)(norms[i] / (meanNorm + 1e-6));
            for (int t = 0; t < n; t++)
            {
                var row = block.Slice(t * c, c);
                for (int i = 0; i < c; i++) row[i] = g[i] * (row[i] * scale[i]) + bt[i] + row[i];
            }
        }
    }
}
