// Named views of the DiT's parameters, all in one backend storage (one upload). Shapes in the
// comments are PyTorch's (Linear weights are (out, in)). Q, K and V are stored as one (3·inner, d)
// matrix and the input projection is split by source (x, cond, text) so the per-request parts are
// computed once: both are layout choices of ours, filled by F5Checkpoint from the released keys.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public sealed class F5Weights : IDisposable
{
    internal F5Weights(F5Config config, TensorStorage storage, ParameterLayout layout)
    {
        Config = config;
        Storage = storage;
        Tensor T(string name) => new(storage, layout[name].Offset, layout[name].Shape);
        int d = config.Dim;
        TimeMlp0W = T("time_mlp.0.weight"); TimeMlp0B = T("time_mlp.0.bias");
        TimeMlp2W = T("time_mlp.2.weight"); TimeMlp2B = T("time_mlp.2.bias");
        TextTable = T("text_embed.weight");
        TextBlocks = Enumerable.Range(0, config.ConvLayers).Select(i => new ConvNeXtV2Weights(
            T($"text_blocks.{i}.dwconv.weight"), T($"text_blocks.{i}.dwconv.bias"),
            T($"text_blocks.{i}.norm.weight"), T($"text_blocks.{i}.norm.bias"),
            T($"text_blocks.{i}.pwconv1.weight"), T($"text_blocks.{i}.pwconv1.bias"),
            T($"text_blocks.{i}.grn.gamma"), T($"text_blocks.{i}.grn.beta"),
            T($"text_blocks.{i}.pwconv2.weight"), T($"text_blocks.{i}.pwconv2.bias"))).ToArray();
        InProjX = T("input_embed.proj.x"); InProjCond = T("input_embed.proj.cond"); InProjText = T("input_embed.proj.text");
        InProjB = T("input_embed.proj.bias");
        ConvPos1W = T("conv_pos.0.weight"); ConvPos1B = T("conv_pos.0.bias");
        ConvPos2W = T("conv_pos.2.weight"); ConvPos2B = T("conv_pos.2.bias");
        Blocks = Enumerable.Range(0, config.Depth).Select(i => new DiTBlockWeights(
            T($"blocks.{i}.mod.weight"), T($"blocks.{i}.mod.bias"),
            T($"blocks.{i}.qkv.weight"), T($"blocks.{i}.qkv.bias"),
            T($"blocks.{i}.out.weight"), T($"blocks.{i}.out.bias"),
            T($"blocks.{i}.ff1.weight"), T($"blocks.{i}.ff1.bias"),
            T($"blocks.{i}.ff2.weight"), T($"blocks.{i}.ff2.bias"))).ToArray();
        NormOutW = T("norm_out.weight"); NormOutB = T("norm_out.bias");
        ProjOutW = T("proj_out.weight"); ProjOutB = T("proj_out.bias");
        _ = d;
    }

    public F5Config Config { get; }

    public TensorStorage Storage { get; }

    public Tensor TimeMlp0W { get; } // (d, 256)
    public Tensor TimeMlp0B { get; } // (d)
    public Tensor TimeMlp2W { get; } // (d, d)
    public Tensor TimeMlp2B { get; } // (d)
    public Tensor TextTable { get; } // (vocab + 1, text_dim)
    public ConvNeXtV2Weights[] TextBlocks { get; }
    public Tensor InProjX { get; } // (d, D)
    public Tensor InProjCond { get; } // (d, D)
    public Tensor InProjText { get; } // (d, text_dim)
    public Tensor InProjB { get; } // (d)
    public Tensor ConvPos1W { get; } // (d, d/16, 31)
    public Tensor ConvPos1B { get; } // (d)
    public Tensor ConvPos2W { get; } // (d, d/16, 31)
    public Tensor ConvPos2B { get; } // (d)
    public DiTBlockWeights[] Blocks { get; }
    public Tensor NormOutW { get; } // (2d, d)
    public Tensor NormOutB { get; } // (2d)
    public Tensor ProjOutW { get; } // (D, d)
    public Tensor ProjOutB { get; } // (D)

    public void Dispose() => Storage.Dispose();

    /// <summary>Our parameter list: name → shape, in storage order. F5Checkpoint fills it from a release.</summary>
    internal static ParameterLayout Layout(F5Config c)
    {
        var l = new ParameterLayout();
        int d = c.Dim, td = c.TextDim, D = c.MelDim, inner = c.InnerDim, ff = c.FfDim;
        l.Add("time_mlp.0.weight", d, F5Config.TimeFrequencyDim); l.Add("time_mlp.0.bias", d);
        l.Add("time_mlp.2.weight", d, d); l.Add("time_mlp.2.bias", d);
        l.Add("text_embed.weight", c.VocabSize + 1, td);
        for (int i = 0; i < c.ConvLayers; i++)
        {
            l.Add($"text_blocks.{i}.dwconv.weight", td, F5Config.TextConvKernel); l.Add($"text_blocks.{i}.dwconv.bias", td);
            l.Add($"text_blocks.{i}.norm.weight", td); l.Add($"text_blocks.{i}.norm.bias", td);
            l.Add($"text_blocks.{i}.pwconv1.weight", 2 * td, td); l.Add($"text_blocks.{i}.pwconv1.bias", 2 * td);
            l.Add($"text_blocks.{i}.grn.gamma", 2 * td); l.Add($"text_blocks.{i}.grn.beta", 2 * td);
            l.Add($"text_blocks.{i}.pwconv2.weight", td, 2 * td); l.Add($"text_blocks.{i}.pwconv2.bias", td);
        }
        l.Add("input_embed.proj.x", d, D); l.Add("input_embed.proj.cond", d, D); l.Add("input_embed.proj.text", d, td);
        l.Add("input_embed.proj.bias", d);
        int perGroup = d / F5Config.ConvPositionGroups;
        l.Add("conv_pos.0.weight", d, perGroup, F5Config.ConvPositionKernel); l.Add("conv_pos.0.bias", d);
        l.Add("conv_pos.2.weight", d, perGroup, F5Config.ConvPositionKernel); l.Add("conv_pos.2.bias", d);
        for (int i = 0; i < c.Depth; i++)
        {
            l.Add($"blocks.{i}.mod.weight", 6 * d, d); l.Add($"blocks.{i}.mod.bias", 6 * d);
            l.Add($"blocks.{i}.qkv.weight", 3 * inner, d); l.Add($"blocks.{i}.qkv.bias", 3 * inner);
            l.Add($"blocks.{i}.out.weight", d, inner); l.Add($"blocks.{i}.out.bias", d);
            l.Add($"blocks.{i}.ff1.weight", ff, d); l.Add($"blocks.{i}.ff1.bias", ff);
            l.Add($"blocks.{i}.ff2.weight", d, ff); l.Add($"blocks.{i}.ff2.bias", d);
        }
        l.Add("norm_out.weight", 2 * d, d); l.Add("norm_out.bias", 2 * d);
        l.Add("proj_out.weight", D, d); l.Add("proj_out.bias", D);
        return l;
    }
}

/// <summary>One ConvNeXtV2 block of the text embedding (c = text_dim).</summary>
public sealed record ConvNeXtV2Weights(
    Tensor DwW /* (c, 7) */, Tensor DwB /* (c) */, Tensor NormW /* (c) */, Tensor NormB /* (c) */,
    Tensor Pw1W /* (2c, c) */, Tensor Pw1B /* (2c) */, Tensor GrnGamma /* (2c) */, Tensor GrnBeta /* (2c) */,
    Tensor Pw2W /* (c, 2c) */, Tensor Pw2B /* (c) */);

/// <summary>One DiT block: adaptive-norm modulation, fused q/k/v, output projection, feed-forward.</summary>
public sealed record DiTBlockWeights(
    Tensor ModW /* (6d, d) */, Tensor ModB /* (6d) */, Tensor QkvW /* (3·inner, d) */, Tensor QkvB /* (3·inner) */,
    Tensor OutW /* (d, inner) */, Tensor OutB /* (d) */, Tensor Ff1W /* (ff, d) */, Tensor Ff1B /* (ff) */,
    Tensor Ff2W /* (d, ff) */, Tensor Ff2B /* (d) */);
