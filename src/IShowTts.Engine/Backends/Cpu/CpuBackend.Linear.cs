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

        var b = bias is null ? null : Span(bias)[..o].ToArray();
        var gate = epilogue.Gate is null ? null : Span(epilogue.Gate)[..o].ToArray();
        var act = epilogue.Activation;
        bool accumulate = epilogue.Accumulate;
        For(m, o, r =>
        {
            var row = target.AsSpan(to + r * o, o);
            if (b is not null) TensorPrimitives.Add(row, b, row);
            if (act != Activation.None) Activations.Apply(row, row, act);
            if (direct) return;
            var dst = ys.AsSpan(yo + r * o, o);
            if (gate is not null)
            {
                if (accumulate) TensorPrimitives.MultiplyAdd(row, gate, dst, dst);
                else TensorPrimitives.Multiply(row, gate, dst);
            }
            else if (accumulate) TensorPrimitives.Add(dst, row, dst);
            else row.CopyTo(dst);
        });
        if (!direct) _scratch.Return(target);
    }
}
