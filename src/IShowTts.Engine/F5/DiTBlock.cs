// One DiT block: adaptive LayerNorm → fused q/k/v → rotary → attention → output projection with a
// gated residual; adaptive LayerNorm → feed-forward (GELU tanh) with a gated residual.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class DiTBlock
{
    /// <param name="x">(B, n, d) the residual stream, in/out.</param>
    /// <param name="mod">(6d) this step's modulation: shift_a, scale_a, gate_a, shift_f, scale_f, gate_f.</param>
    /// <param name="u">(B, n, d) scratch.</param>
    /// <param name="qkv">(B, n, 3·inner) scratch.</param>
    /// <param name="attn">(B, n, inner) scratch.</param>
    /// <param name="hidden">(B, n, ff) scratch.</param>
    /// <param name="frameLens">per row block, frames to keep (batched requests), else null.</param>
    public static void Forward(IBackend be, Tensor x, Tensor mod, Tensor u, Tensor qkv, Tensor attn, Tensor hidden,
        DiTBlockWeights w, F5Config c, int B, int n, int[]? frameLens)
    {
        int d = c.Dim, rows = B * n, inner = c.InnerDim;
        Tensor ShiftA = mod.View(0, d), ScaleA = mod.View(d, d), GateA = mod.View(2 * d, d);
        Tensor ShiftF = mod.View(3 * d, d), ScaleF = mod.View(4 * d, d), GateF = mod.View(5 * d, d);

        be.LayerNormModulate(u, x, ShiftA, ScaleA, rows, d, F5Config.NormEps);
        be.Linear(qkv, u, w.QkvW, w.QkvB, rows, d, 3 * inner, Epilogue.None);
        be.Rotary(qkv, B, n, c.Heads, c.DimHead, c.RotaryHeads);
        be.Attention(attn, qkv, B, n, c.Heads, c.DimHead);
        if (frameLens is null)
        {
            be.Linear(x, attn, w.OutW, w.OutB, rows, inner, d, Epilogue.GatedResidual(GateA));
        }
        else
        {
            // Padded frames' attention output is zeroed before the residual (the official masked path).
            be.Linear(u, attn, w.OutW, w.OutB, rows, inner, d, Epilogue.None);
            be.ZeroPaddedFrames(u, frameLens, B, n, d);
            be.GatedAdd(x, u, GateA, rows, d);
        }

        be.LayerNormModulate(u, x, ShiftF, ScaleF, rows, d, F5Config.NormEps);
        be.Linear(hidden, u, w.Ff1W, w.Ff1B, rows, d, c.FfDim, Epilogue.Act(Activation.GeluTanh));
        be.Linear(x, hidden, w.Ff2W, w.Ff2B, rows, c.FfDim, d, Epilogue.GatedResidual(GateF));
    }
}
