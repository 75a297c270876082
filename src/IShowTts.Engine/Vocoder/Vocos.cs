// Vocos: mel (n, D) → waveform ((n−1)·hop). Backbone: conv1d D→dim (k=7) → LayerNorm → ConvNeXt
// blocks (depthwise k=7, LayerNorm, Linear, GELU, Linear, ×gamma, residual) → LayerNorm; ISTFT head:
// Linear dim→n_fft+2 → magnitude/phase → inverse STFT. Runs in float32 on every backend.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Vocoder;

public sealed class Vocos(IBackend backend, VocosWeights weights) : IDisposable
{
    public VocosWeights Weights { get; } = weights;

    /// <summary>Decodes mel (n, D) frames-major into (n−1)·hop samples.</summary>
    public float[] Decode(ReadOnlySpan<float> mel, int n)
    {
        var c = Weights.Config;
        var w = Weights;
        var be = backend;
        int D = c.MelChannels, dim = c.Dim, inter = c.IntermediateDim, bins2 = c.NFft + 2;
        if (n < 2) throw new EngineException($"the vocoder needs at least 2 mel frames (got {n})");
        using var input = new OwnedTensor32(be, n, D);
        using var h = new OwnedTensor32(be, n, dim);
        using var tmp = new OwnedTensor32(be, n, dim);
        using var hidden = new OwnedTensor32(be, n, Math.Max(inter, bins2));
        using var wave = new OwnedTensor32(be, (n - 1) * c.HopLength);
        be.Upload(input.T, mel);

        be.Conv1d(h.T, input.T, w.EmbedW, w.EmbedB, 1, n, D, dim, VocosConfig.EmbedKernel, 1, Activation.None);
        be.LayerNorm(h.T, h.T, w.NormW, w.NormB, n, dim, VocosConfig.NormEps);
        foreach (var block in w.Blocks)
        {
            be.DepthwiseConv1d(tmp.T, h.T, block.DwW, block.DwB, 1, n, dim, 7);
            be.LayerNorm(tmp.T, tmp.T, block.NormW, block.NormB, n, dim, VocosConfig.NormEps);
            be.Linear(hidden.T, tmp.T, block.Pw1W, block.Pw1B, n, dim, inter, Epilogue.Act(Activation.Gelu));
            be.Linear(h.T, hidden.T, block.Pw2W, block.Pw2B, n, inter, dim, Epilogue.GatedResidual(block.Gamma));
        }
        be.LayerNorm(h.T, h.T, w.FinalNormW, w.FinalNormB, n, dim, VocosConfig.NormEps);
        var spec = hidden.T.View(0, n, bins2);
        be.Linear(spec, h.T, w.HeadW, w.HeadB, n, dim, bins2, Epilogue.None);
        be.IstftFromMagnitudePhase(wave.T, spec, n, c.NFft, c.HopLength);
        return be.ToArray(wave.T);
    }

    public void Dispose() => Weights.Dispose();

    private sealed class OwnedTensor32 : IDisposable
    {
        public OwnedTensor32(IBackend be, params int[] shape) => T = be.Allocate(DType.F32, shape);

        public Tensor T { get; }

        public void Dispose() => T.Storage.Dispose();
    }
}
