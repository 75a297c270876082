// Time embedding and every step's modulation vectors, computed once per request for the whole time
// grid before the loop (one M = steps GEMM per layer instead of a GEMV per step):
// SiLU(time_mlp(sinusoid(1000·t))) → attn_norm.linear for each block, norm_out.linear for the final layer.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class TimeConditioning
{
    /// <param name="mod">(depth, steps, 6d): shift_a, scale_a, gate_a, shift_f, scale_f, gate_f per step.</param>
    /// <param name="finalMod">(steps, 2d): scale, shift (scale first) per step.</param>
    /// <param name="silu">(steps, d) scratch: SiLU(temb).</param>
    /// <param name="sinus">(steps, 256) scratch.</param>
    /// <param name="times">t of each step (the grid without its last point).</param>
    public static void Forward(IBackend be, Tensor mod, Tensor finalMod, Tensor silu, Tensor sinus, F5Weights w, ReadOnlySpan<float> times)
    {
        var c = w.Config;
        int steps = times.Length, d = c.Dim, half = F5Config.TimeFrequencyDim / 2;
        var host = new float[steps * F5Config.TimeFrequencyDim];
        // SinusPositionEmbedding in float32 as PyTorch evaluates it: f_k = exp(−k·ln(10000)/(half−1)).
        float step = (float)(Math.Log(10000) / (half - 1));
        for (int s = 0; s < steps; s++)
            for (int k = 0; k < half; k++)
            {
                float f = MathF.Exp(k * -step);
                float arg = 1000f * times[s] * f;
                host[s * 2 * half + k] = (float)Math.Sin(arg);
                host[s * 2 * half + half + k] = (float)Math.Cos(arg);
            }
        be.Upload(sinus, host);
        // finalMod (steps, 2d) holds the first layer's output until it is written last: a GEMM must
        // not read and write one buffer.
        var temb = finalMod.View(0, steps, d);
        be.Linear(temb, sinus, w.TimeMlp0W, w.TimeMlp0B, steps, F5Config.TimeFrequencyDim, d, Epilogue.Act(Activation.Silu));
        // Both consumers (every AdaLayerNorm and the final one) take SiLU(temb), so store that.
        be.Linear(silu, temb, w.TimeMlp2W, w.TimeMlp2B, steps, d, d, Epilogue.Act(Activation.Silu));
        for (int l = 0; l < c.Depth; l++)
            be.Linear(mod.View((long)l * steps * 6 * d, steps, 6 * d), silu, w.Blocks[l].ModW, w.Blocks[l].ModB, steps, d, 6 * d, Epilogue.None);
        be.Linear(finalMod, silu, w.NormOutW, w.NormOutB, steps, d, 2 * d, Epilogue.None);
    }
}
