// Text-embedding ConvNeXtV2 block: depthwise conv k=7 → LayerNorm (affine) → Linear c→2c → GELU
// (exact) → GRN → Linear 2c→c → residual add.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class ConvNeXtV2Block
{
    /// <param name="h">(b, n, c) in/out.</param>
    /// <param name="tmp">(b, n, c) scratch.</param>
    /// <param name="hidden">(b, n, 2c) scratch.</param>
    public static void Forward(IBackend be, Tensor h, Tensor tmp, Tensor hidden, ConvNeXtV2Weights w, int b, int n, int c)
    {
        int rows = b * n;
        be.DepthwiseConv1d(tmp, h, w.DwW, w.DwB, b, n, c, F5Config.TextConvKernel);
        be.LayerNorm(tmp, tmp, w.NormW, w.NormB, rows, c, F5Config.NormEps);
        be.Linear(hidden, tmp, w.Pw1W, w.Pw1B, rows, c, 2 * c, Epilogue.Act(Activation.Gelu));
        be.Grn(hidden, w.GrnGamma, w.GrnBeta, b, n, 2 * c);
        be.Linear(h, hidden, w.Pw2W, w.Pw2B, rows, 2 * c, c, Epilogue.Add);
    }
}
