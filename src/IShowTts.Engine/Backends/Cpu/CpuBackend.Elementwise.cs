using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend
{
    public void Copy(Tensor dst, Tensor src, long count) =>
        Span(src)[..checked((int)count)].CopyTo(Span(dst));

    public void Fill(Tensor dst, float value, long count) =>
        Span(dst)[..checked((int)count)].Fill(value);

    public void Add(Tensor y, Tensor a, Tensor b, long count)
    {
        int n = checked((int)count);
        TensorPrimitives.Add(Span(a)[..n], Span(b)[..n], Span(y)[..n]);
    }

    public void Activate(Tensor y, Tensor x, long count, Activation act)
    {
        var xs = Array(x, out var xo);
        var ys = Array(y, out var yo);
        const int chunk = 16_384;
        int n = checked((int)count);
        For((n + chunk - 1) / chunk, chunk, c =>
        {
            int start = c * chunk, len = Math.Min(chunk, n - start);
            Activations.Apply(ys.AsSpan(yo + start, len), xs.AsSpan(xo + start, len), act);
        });
    }

    public void ZeroPaddedFrames(Tensor x, ReadOnlySpan<int> validLengths, int b, int n, int c)
    {
        var xs = Span(x);
        for (int item = 0; item < b; item++)
        {
            int valid = Math.Clamp(validLengths[item], 0, n);
            xs.Slice((item * n + valid) * c, (n - valid) * c).Clear();
        }
    }

    public void GatedAdd(Tensor x, Tensor a, Tensor gate, int rows, int c)
    {
        var xs = Array(x, out var xo);
        var asArr = Array(a, out var ao);
        var g = Segment(gate, c);
        For(rows, c, r =>
        {
            var xr = xs.AsSpan(xo + r * c, c);
            TensorPrimitives.MultiplyAdd(asArr.AsSpan(ao + r * c, c), g, xr, xr);
        });
    }

    public void Embedding(Tensor y, Tensor table, ReadOnlySpan<int> ids, int c)
    {
        var ys = Span(y);
        var ts = Span(table);
        int vocab = checked((int)(table.Count / c));
        for (int r = 0; r < ids.Length; r++)
        {
            var dst = ys.Slice(r * c, c);
            int id = ids[r];
            if (id < 0) { dst.Clear(); continue; }
            if (id >= vocab) throw new EngineException($"token id {id} is outside the embedding table of {vocab} rows");
            ts.Slice(id * c, c).CopyTo(dst);
        }
    }

    public void EulerCfgStep(Tensor y, Tensor v, long count, float dt, float cfgStrength, bool packed)
    {
        int n = checked((int)count);
        var ys = Span(y)[..n];
        var vs = Span(v);
        var vc = vs[..n];
        if (!packed)
        {
            TensorPrimitives.MultiplyAdd(vc, dt, ys, ys);
            return;
        }
        var vu = vs.Slice(n, n);
        // y += dt · (v_c + (v_c − v_u)·cfg), evaluated in the official order.
        for (int i = 0; i < n; i++)
            ys[i] += dt * (vc[i] + (vc[i] - vu[i]) * cfgStrength);
    }
}
