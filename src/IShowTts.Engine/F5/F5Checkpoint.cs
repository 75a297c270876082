// The one place that knows the released DiT checkpoint's key names: SWivid/F5-TTS's
// `ema_model.transformer.*` (release-keys/F5TTS_v1_Base.json). Maps them onto F5Weights' layout,
// reporting every missing, unexpected and mis-shaped key at once; also builds seeded random weights
// with the same shapes (for the bench and tests without a download).
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine.F5;

public static class F5Checkpoint
{
    private const string Prefix = "transformer.";

    /// <summary>Stored name → our key: strips `ema_model.`; drops the entries a release carries that inference ignores.</summary>
    public static string? NormalizeKey(string stored)
    {
        var key = stored.StartsWith("ema_model.", StringComparison.Ordinal) ? stored["ema_model.".Length..] : stored;
        if (key is "initted" or "step" || key.StartsWith("mel_spec.", StringComparison.Ordinal)) return null;
        // A buffer, recomputed by the rotary op (inv_freq_j = 10000^(−2j/dh)).
        if (key == "transformer.rotary_embed.inv_freq") return null;
        return key;
    }

    /// <summary>Every tensor a checkpoint of this shape holds, with the released names and shapes.</summary>
    public static IReadOnlyList<ExpectedTensor> ExpectedTensors(F5Config c)
    {
        var list = new List<ExpectedTensor>();
        void Add(string key, params long[] shape) => list.Add(new ExpectedTensor(Prefix + key, shape));
        int d = c.Dim, td = c.TextDim, D = c.MelDim, inner = c.InnerDim, ff = c.FfDim;
        Add("time_embed.time_mlp.0.weight", d, F5Config.TimeFrequencyDim); Add("time_embed.time_mlp.0.bias", d);
        Add("time_embed.time_mlp.2.weight", d, d); Add("time_embed.time_mlp.2.bias", d);
        Add("text_embed.text_embed.weight", c.VocabSize + 1, td);
        for (int i = 0; i < c.ConvLayers; i++)
        {
            var p = $"text_embed.text_blocks.{i}.";
            Add(p + "dwconv.weight", td, 1, F5Config.TextConvKernel); Add(p + "dwconv.bias", td);
            Add(p + "norm.weight", td); Add(p + "norm.bias", td);
            Add(p + "pwconv1.weight", 2 * td, td); Add(p + "pwconv1.bias", 2 * td);
            Add(p + "grn.gamma", 1, 1, 2 * td); Add(p + "grn.beta", 1, 1, 2 * td);
            Add(p + "pwconv2.weight", td, 2 * td); Add(p + "pwconv2.bias", td);
        }
        Add("input_embed.proj.weight", d, 2 * D + td); Add("input_embed.proj.bias", d);
        int perGroup = d / F5Config.ConvPositionGroups;
        Add("input_embed.conv_pos_embed.conv1d.0.weight", d, perGroup, F5Config.ConvPositionKernel);
        Add("input_embed.conv_pos_embed.conv1d.0.bias", d);
        Add("input_embed.conv_pos_embed.conv1d.2.weight", d, perGroup, F5Config.ConvPositionKernel);
        Add("input_embed.conv_pos_embed.conv1d.2.bias", d);
        for (int i = 0; i < c.Depth; i++)
        {
            var p = $"transformer_blocks.{i}.";
            Add(p + "attn_norm.linear.weight", 6 * d, d); Add(p + "attn_norm.linear.bias", 6 * d);
            foreach (var qkv in new[] { "to_q", "to_k", "to_v" })
            {
                Add(p + $"attn.{qkv}.weight", inner, d); Add(p + $"attn.{qkv}.bias", inner);
            }
            Add(p + "attn.to_out.0.weight", d, inner); Add(p + "attn.to_out.0.bias", d);
            Add(p + "ff.ff.0.0.weight", ff, d); Add(p + "ff.ff.0.0.bias", ff);
            Add(p + "ff.ff.2.weight", d, ff); Add(p + "ff.ff.2.bias", d);
        }
        Add("norm_out.linear.weight", 2 * d, d); Add("norm_out.linear.bias", 2 * d);
        Add("proj_out.weight", D, d); Add("proj_out.bias", D);
        return list;
    }

    /// <summary>Validates the file against the config (all problems at once), then uploads every tensor.</summary>
    public static F5Weights Load(IWeightFile file, F5Config config, IBackend backend, IProgress<double>? progress = null)
    {
        var expected = ExpectedTensors(config);
        WeightBinder.Validate(file, expected, NormalizeKey);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in file.Tensors.Keys)
            if (NormalizeKey(name) is { } key) stored[key] = name;

        float[] Read(string key)
        {
            var name = stored[Prefix + key];
            var data = new float[file.Tensors[name].ElementCount];
            file.ReadFloat32(name, data);
            return data;
        }

        var layout = F5Weights.Layout(config);
        var storage = backend.AllocateStorage(backend.WeightType, layout.TotalElements);
        try
        {
            void Put(string ours, float[] data)
            {
                var (offset, shape) = layout[ours];
                backend.Upload(new Tensor(storage, offset, shape), data);
            }

            int d = config.Dim, td = config.TextDim, D = config.MelDim, inner = config.InnerDim;
            int done = 0, total = layout.Names.Count;
            void Step() => progress?.Report(++done / (double)total);

            Put("time_mlp.0.weight", Read("time_embed.time_mlp.0.weight")); Step();
            Put("time_mlp.0.bias", Read("time_embed.time_mlp.0.bias")); Step();
            Put("time_mlp.2.weight", Read("time_embed.time_mlp.2.weight")); Step();
            Put("time_mlp.2.bias", Read("time_embed.time_mlp.2.bias")); Step();
            Put("text_embed.weight", Read("text_embed.text_embed.weight")); Step();
            for (int i = 0; i < config.ConvLayers; i++)
                foreach (var part in new[] { "dwconv.weight", "dwconv.bias", "norm.weight", "norm.bias", "pwconv1.weight",
                             "pwconv1.bias", "grn.gamma", "grn.beta", "pwconv2.weight", "pwconv2.bias" })
                {
                    Put($"text_blocks.{i}.{part}", Read($"text_embed.text_blocks.{i}.{part}")); Step();
                }

            // proj.weight (d, 2D + text_dim) holds [x | cond | text] columns: split them.
            var proj = Read("input_embed.proj.weight");
            int cols = 2 * D + td;
            Put("input_embed.proj.x", Columns(proj, d, cols, 0, D)); Step();
            Put("input_embed.proj.cond", Columns(proj, d, cols, D, D)); Step();
            Put("input_embed.proj.text", Columns(proj, d, cols, 2 * D, td)); Step();
            Put("input_embed.proj.bias", Read("input_embed.proj.bias")); Step();
            foreach (var l in new[] { "0", "2" })
            {
                Put($"conv_pos.{l}.weight", Read($"input_embed.conv_pos_embed.conv1d.{l}.weight")); Step();
                Put($"conv_pos.{l}.bias", Read($"input_embed.conv_pos_embed.conv1d.{l}.bias")); Step();
            }
            for (int i = 0; i < config.Depth; i++)
            {
                var p = $"transformer_blocks.{i}.";
                Put($"blocks.{i}.mod.weight", Read(p + "attn_norm.linear.weight")); Step();
                Put($"blocks.{i}.mod.bias", Read(p + "attn_norm.linear.bias")); Step();
                Put($"blocks.{i}.qkv.weight", Concat(Read(p + "attn.to_q.weight"), Read(p + "attn.to_k.weight"), Read(p + "attn.to_v.weight"))); Step();
                Put($"blocks.{i}.qkv.bias", Concat(Read(p + "attn.to_q.bias"), Read(p + "attn.to_k.bias"), Read(p + "attn.to_v.bias"))); Step();
                Put($"blocks.{i}.out.weight", Read(p + "attn.to_out.0.weight")); Step();
                Put($"blocks.{i}.out.bias", Read(p + "attn.to_out.0.bias")); Step();
                Put($"blocks.{i}.ff1.weight", Read(p + "ff.ff.0.0.weight")); Step();
                Put($"blocks.{i}.ff1.bias", Read(p + "ff.ff.0.0.bias")); Step();
                Put($"blocks.{i}.ff2.weight", Read(p + "ff.ff.2.weight")); Step();
                Put($"blocks.{i}.ff2.bias", Read(p + "ff.ff.2.bias")); Step();
            }
            Put("norm_out.weight", Read("norm_out.linear.weight")); Step();
            Put("norm_out.bias", Read("norm_out.linear.bias")); Step();
            Put("proj_out.weight", Read("proj_out.weight")); Step();
            Put("proj_out.bias", Read("proj_out.bias")); Step();
            _ = inner;
            return new F5Weights(config, storage, layout);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    /// <summary>Seeded random weights with the checkpoint's shapes: N(0, 0.02), layer-norm weights 1 + N(0, 0.02) (workload W1).</summary>
    public static F5Weights Random(F5Config config, IBackend backend, ulong seed)
    {
        var layout = F5Weights.Layout(config);
        var storage = backend.AllocateStorage(backend.WeightType, layout.TotalElements);
        try
        {
            int index = 0;
            foreach (var name in layout.Names)
            {
                var (offset, shape) = layout[name];
                var data = new float[ParameterLayout.CountOf(shape)];
                GaussianNoise.Fill(data, seed + (ulong)index++ * 0x9E3779B97F4A7C15UL, 0.02f);
                if (name.EndsWith(".norm.weight", StringComparison.Ordinal))
                    for (int i = 0; i < data.Length; i++) data[i] += 1f;
                backend.Upload(new Tensor(storage, offset, shape), data);
            }
            return new F5Weights(config, storage, layout);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    private static float[] Columns(float[] matrix, int rows, int cols, int start, int count)
    {
        var result = new float[rows * count];
        for (int r = 0; r < rows; r++)
            System.Array.Copy(matrix, r * cols + start, result, r * count, count);
        return result;
    }

    private static float[] Concat(params float[][] parts)
    {
        var result = new float[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (var p in parts)
        {
            p.CopyTo(result, at);
            at += p.Length;
        }
        return result;
    }
}
