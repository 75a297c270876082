// Input embedding: proj([x, cond, text]) + ConvPositionEmbedding. The projection is split by source:
// the cond and text parts (and the bias) are fixed for a request and computed once per CFG half in
// Prepare; each step adds only x·W_xᵀ, shared by both halves.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class InputEmbedding
{
    /// <param name="preCond">(b·n, d) output: text_c·W_textᵀ + cond·W_condᵀ + bias.</param>
    /// <param name="preUncond">(b·n, d) output: text_u·W_textᵀ + bias (the audio condition is dropped).</param>
    /// <param name="cond">(b·n, D) the step condition (reference mel, zero past it).</param>
    public static void Prepare(IBackend be, Tensor preCond, Tensor preUncond, Tensor textCond, Tensor textUncond, Tensor cond, F5Weights w, int rows)
    {
        var c = w.Config;
        be.Linear(preCond, textCond, w.InProjText, w.InProjB, rows, c.TextDim, c.Dim, Epilogue.None);
        be.Linear(preCond, cond, w.InProjCond, null, rows, c.MelDim, c.Dim, Epilogue.Add);
        if (preUncond.Count > 0)
            be.Linear(preUncond, textUncond, w.InProjText, w.InProjB, rows, c.TextDim, c.Dim, Epilogue.None);
    }

    /// <param name="z">(halves·b, n, d) output: the conditional half first, then the unconditional one.</param>
    /// <param name="xProj">(b·n, d) scratch.</param>
    /// <param name="x">(b·n, D) the ODE state.</param>
    /// <param name="scratch1">(halves·b, n, d) scratch.</param>
    /// <param name="scratch2">(halves·b, n, d) scratch.</param>
    /// <param name="frameLens">per row block (halves·b), frames to keep; null when not batched.</param>
    public static void Forward(IBackend be, Tensor z, Tensor xProj, Tensor x, Tensor preCond, Tensor preUncond,
        Tensor scratch1, Tensor scratch2, F5Weights w, int b, int n, int halves, int[]? frameLens)
    {
        var c = w.Config;
        int rows = b * n, d = c.Dim;
        be.Linear(xProj, x, w.InProjX, null, rows, c.MelDim, d, Epilogue.None);
        be.Add(z, xProj, preCond, (long)rows * d);
        if (halves == 2) be.Add(z.View((long)rows * d, rows, d), xProj, preUncond, (long)rows * d);
        ConvPositionEmbedding.Forward(be, z, scratch1, scratch2, w, halves * b, n, frameLens);
    }
}
