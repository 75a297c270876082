using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using IShowTts.Engine.Backends.Cpu.Blas;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend
{
    public void DepthwiseConv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int c, int k)
    {
        var xs = Array(x, out var xo);
        var ys = Array(y, out var yo);
        // Weights as (k, c) so each tap is one vector multiply-add over the channels of a frame.
        var wk = new float[k * c];
        var wsrc = Span(w);
        for (int ch = 0; ch < c; ch++)
            for (int tap = 0; tap < k; tap++)
                wk[tap * c + ch] = wsrc[ch * k + tap];
        var bs = Segment(bias, c);
        int pad = k / 2;
        For(b * n, (long)c * k, row =>
        {
            int item = row / n, t = row % n;
            var dst = ys.AsSpan(yo + row * c, c);
            bs.AsSpan().CopyTo(dst);
            for (int tap = 0; tap < k; tap++)
            {
                int src = t + tap - pad;
                if (src < 0 || src >= n) continue;
                TensorPrimitives.MultiplyAdd(xs.AsSpan(xo + (item * n + src) * c, c), wk.AsSpan(tap * c, c), dst, dst);
            }
        });
    }

    public void Conv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int ci, int co, int k, int groups, Activation act)
    {
        if (ci % groups != 0 || co % groups != 0) throw new ArgumentException($"conv1d channels {ci}→{co} not divisible by {groups} groups");
        int cig = ci / groups, cog = co / groups, pad = k / 2, cols = cig * k;
        var xs = Array(x, out var xo);
        var ys = Array(y, out var yo);
        var ws = Array(w, out var wo);
        var bs = Segment(bias, co);
        var im2col = _scratch.Rent((long)n * cols);
        for (int item = 0; item < b; item++)
        {
            for (int g = 0; g < groups; g++)
            {
                // im2col: row t holds x[t + tap − pad, g·cig + ic] at column ic·k + tap (PyTorch's weight order).
                int item0 = item, g0 = g;
                For(n, cols, t =>
                {
                    var row = im2col.AsSpan(t * cols, cols);
                    for (int ic = 0; ic < cig; ic++)
                    {
                        int channel = g0 * cig + ic;
                        for (int tap = 0; tap < k; tap++)
                        {
                            int src = t + tap - pad;
                            row[ic * k + tap] = src < 0 || src >= n ? 0f : xs[xo + (item0 * n + src) * ci + channel];
                        }
                    }
                });
                Gemm.Run(false, true, n, cog, cols, 1f, im2col.AsSpan(0, n * cols), cols,
                    ws.AsSpan(wo + g * cog * cols, cog * cols), cols, 0f,
                    ys.AsSpan(yo + item * n * co + g * cog, (n - 1) * co + cog), co);
            }
            int itemBase = yo + item * n * co;
            For(n, co, t =>
            {
                var row = ys.AsSpan(itemBase + t * co, co);
                TensorPrimitives.Add(row, bs, row);
                if (act != Activation.None) Activations.Apply(row, row, act);
            });
        }
        _scratch.Return(im2col);
    }
}
