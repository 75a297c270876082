using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using IShowTts.Engine.Backends.Cpu.Blas;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend
{
    public void Linear(Tensor y, Tensor x, Tensor w, Tensor? bias, int m, int i, int o, Epilogue epilogue)
    {
        if (w.Count != (long)o * i) throw new ArgumentException($"linear weight {w} is not ({o}, {i})");
        var xs = Array(x, out var xo);
        var ws = Array(w, out var wo);
        var ys = Array(y, out var yo);
        bool direct = !epilogue.Accumulate && epilogue.Gate is null;
        float[] target = direct ? ys : _scratch.Rent((long)m * o);
        int to = direct ? yo : 0;

        Gemm.Run(false, true, m, o, i, 1f, xs.AsSpan(xo, m * i), i, ws.AsSpan(wo, o * i), i, 0f, target.AsSpan(to, m * o), o);

        ArraySegment<float>? b = bias is null ? default(ArraySegment<float>?) : Segment(bias, o);
        ArraySegment<float>? gate = epilogue.Gate is null ? default(ArraySegment<float>?) : Segment(epilogue.Gate, o);
        var act = epilogue.Activation;
        bool accumulate = epilogue.Accumulate;
        For(m, o, r =>
        {
            var row = target.AsSpan(to + r * o, o);
            if (b is { } bv) TensorPrimitives.Add(row, bv, row);
            if (act != Activation.None) Activations.Apply(row, row, act);
            if (direct) return;
            var dst = ys.AsSpan(yo + r * o, o);
            if (gate is { } g)
            {
                if (accumulate) TensorPrimitives.MultiplyAdd(row, g, dst, dst);
                else TensorPrimitives.Multiply(row, g, dst);
            }
            else if (accumulate) TensorPrimitives.Add(dst, row, dst);
            else row.CopyTo(dst);
        });
        if (!direct) _scratch.Return(target);
    }
}
