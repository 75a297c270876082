// The F5-TTS DiT, written once against IBackend. Prepare does the per-request work (text embedding for
// both CFG halves, the fixed parts of the input projection, every step's time modulation); Velocity is
// one step's forward and reads like the architecture: input embedding → blocks → final layer.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public sealed class DiT : IDisposable
{
    private readonly IBackend _be;
    private int _b, _n, _halves, _steps;
    private int[]? _frameLens;

    public DiT(IBackend backend, F5Weights weights)
    {
        _be = backend;
        Weights = weights;
    }

    public F5Weights Weights { get; }

    public F5Config Config => Weights.Config;

    public DiTState State { get; } = new();

    /// <summary>(halves·b, n, D) the last step's velocity: conditional rows first.</summary>
    public Tensor Velocity => State.V;

    /// <summary>
    /// Per-request work before the loop.
    /// </summary>
    /// <param name="ids">per item token ids (−1 = padding).</param>
    /// <param name="cond">(b, n, D) the step condition: reference mel, zero past it.</param>
    /// <param name="frameLens">per item frames (batched, masks on) or null (one item, no mask).</param>
    /// <param name="times">t at each step (grid points 0…steps−1).</param>
    /// <param name="packed">classifier-free guidance: run the unconditional half too.</param>
    public void Prepare(IReadOnlyList<int[]> ids, Tensor cond, int[]? frameLens, int n, ReadOnlySpan<float> times, bool packed)
    {
        var c = Config;
        _b = ids.Count; _n = n; _halves = packed ? 2 : 1; _steps = times.Length;
        _frameLens = frameLens is null ? null : packed ? [.. frameLens, .. frameLens] : frameLens;
        State.Prepare(_be, c, _b, n, _steps, _halves);
        var s = State;
        var seqLens = frameLens ?? Enumerable.Repeat(n, _b).ToArray();

        TextEmbedding.Forward(_be, s.TextCond, s.TextTmp, s.TextHidden, s.TextSinusoids, Weights, ids, seqLens, dropText: false, n);
        if (packed) TextEmbedding.Forward(_be, s.TextUncond, s.TextTmp, s.TextHidden, s.TextSinusoids, Weights, ids, seqLens, dropText: true, n);
        InputEmbedding.Prepare(_be, s.PreCond, s.PreUncond, s.TextCond, s.TextUncond, cond, Weights, _b * n);
        TimeConditioning.Forward(_be, s.Mod, s.FinalMod, s.TimeSilu, s.TimeSinus, Weights, times);
    }

    /// <summary>One forward at grid point <paramref name="step"/> on x (b, n, D); the result is in <see cref="Velocity"/>.</summary>
    public void Forward(Tensor x, int step)
    {
        var c = Config;
        var s = State;
        int B = _halves * _b, n = _n, d = c.Dim;
        InputEmbedding.Forward(_be, s.X, s.XProj, x, s.PreCond, s.PreUncond, s.Hidden, s.U, Weights, _b, n, _halves, _frameLens);
        for (int l = 0; l < c.Depth; l++)
        {
            var mod = s.Mod.View(((long)l * _steps + step) * 6 * d, 6 * d);
            DiTBlock.Forward(_be, s.X, mod, s.U, s.Qkv, s.Attn, s.Hidden, Weights.Blocks[l], c, B, n, _frameLens);
        }
        FinalLayer.Forward(_be, s.V, s.X, s.FinalMod.View((long)step * 2 * d, 2 * d), s.U, Weights, B * n);
    }

    public void Dispose()
    {
        State.Dispose();
        Weights.Dispose();
    }
}
