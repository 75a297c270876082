// Convolutional position embedding, added to its input: grouped conv1d (k=31, 16 groups) → Mish →
// the same again. With a batch mask, padded frames are zeroed before and after each conv (Mish(0) = 0,
// so zeroing after the fused Mish is the same as before it).
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class ConvPositionEmbedding
{
    /// <param name="z">(b, n, d) in/out: z = conv(z) + z.</param>
    /// <param name="tmp1">(b, n, d) scratch.</param>
    /// <param name="tmp2">(b, n, d) scratch.</param>
    public static void Forward(IBackend be, Tensor z, Tensor tmp1, Tensor tmp2, F5Weights w, int b, int n, int[]? frameLens)
    {
        int d = w.Config.Dim, k = F5Config.ConvPositionKernel, g = F5Config.ConvPositionGroups;
        var input = z;
        if (frameLens is not null)
        {
            be.Copy(tmp2, z, (long)b * n * d);
            be.ZeroPaddedFrames(tmp2, frameLens, b, n, d);
            input = tmp2;
        }
        be.Conv1d(tmp1, input, w.ConvPos1W, w.ConvPos1B, b, n, d, d, k, g, Activation.Mish);
        if (frameLens is not null) be.ZeroPaddedFrames(tmp1, frameLens, b, n, d);
        be.Conv1d(tmp2, tmp1, w.ConvPos2W, w.ConvPos2B, b, n, d, d, k, g, Activation.Mish);
        if (frameLens is not null) be.ZeroPaddedFrames(tmp2, frameLens, b, n, d);
        be.Add(z, z, tmp2, (long)b * n * d);
    }
}
