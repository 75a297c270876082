// Output head: adaptive LayerNorm with (scale, shift) — scale first, unlike the blocks — then
// proj_out d → D, giving the velocity.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class FinalLayer
{
    /// <param name="v">(B, n, D) output velocity.</param>
    /// <param name="x">(B, n, d) the residual stream.</param>
    /// <param name="finalMod">(2d) this step's scale then shift.</param>
    /// <param name="u">(B, n, d) scratch.</param>
    public static void Forward(IBackend be, Tensor v, Tensor x, Tensor finalMod, Tensor u, F5Weights w, int rows)
    {
        int d = w.Config.Dim;
        be.LayerNormModulate(u, x, finalMod.View(d, d), finalMod.View(0, d), rows, d, F5Config.NormEps);
        be.Linear(v, u, w.ProjOutW, w.ProjOutB, rows, d, w.Config.MelDim, Epilogue.None);
    }
}
