// Vocos parameters as views of one backend storage, and the one key table for the released
// pytorch_model.bin / safetensors (backbone.*, head.*; feature_extractor.* and head.istft.window ignored).
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine.Vocoder;

public sealed record VocosBlockWeights(
    Tensor DwW /* (c, 7) */, Tensor DwB /* (c) */, Tensor NormW /* (c) */, Tensor NormB /* (c) */,
    Tensor Pw1W /* (i, c) */, Tensor Pw1B /* (i) */, Tensor Pw2W /* (c, i) */, Tensor Pw2B /* (c) */, Tensor Gamma /* (c) */);

public sealed class VocosWeights : IDisposable
{
    private VocosWeights(VocosConfig config, TensorStorage storage, ParameterLayout layout)
    {
        Config = config;
        Storage = storage;
        Tensor T(string name) => new(storage, layout[name].Offset, layout[name].Shape);
        EmbedW = T("backbone.embed.weight"); EmbedB = T("backbone.embed.bias");
        NormW = T("backbone.norm.weight"); NormB = T("backbone.norm.bias");
        Blocks = Enumerable.Range(0, config.NumLayers).Select(i =>
        {
            var p = $"backbone.convnext.{i}.";
            return new VocosBlockWeights(T(p + "dwconv.weight"), T(p + "dwconv.bias"), T(p + "norm.weight"), T(p + "norm.bias"),
                T(p + "pwconv1.weight"), T(p + "pwconv1.bias"), T(p + "pwconv2.weight"), T(p + "pwconv2.bias"), T(p + "gamma"));
        }).ToArray();
        FinalNormW = T("backbone.final_layer_norm.weight"); FinalNormB = T("backbone.final_layer_norm.bias");
        HeadW = T("head.out.weight"); HeadB = T("head.out.bias");
    }

    public VocosConfig Config { get; }
    public TensorStorage Storage { get; }
    public Tensor EmbedW { get; } // (dim, D, 7)
    public Tensor EmbedB { get; } // (dim)
    public Tensor NormW { get; }
    public Tensor NormB { get; }
    public VocosBlockWeights[] Blocks { get; }
    public Tensor FinalNormW { get; }
    public Tensor FinalNormB { get; }
    public Tensor HeadW { get; } // (n_fft + 2, dim)
    public Tensor HeadB { get; } // (n_fft + 2)

    public void Dispose() => Storage.Dispose();

    public static string? NormalizeKey(string stored) =>
        stored.StartsWith("feature_extractor.", StringComparison.Ordinal) || stored == "head.istft.window" ? null : stored;

    /// <summary>Released key → shape, also our layout (the released names are used as they are).</summary>
    public static IReadOnlyList<ExpectedTensor> ExpectedTensors(VocosConfig c)
    {
        var list = new List<ExpectedTensor>();
        void Add(string key, params long[] shape) => list.Add(new ExpectedTensor(key, shape));
        Add("backbone.embed.weight", c.Dim, c.MelChannels, VocosConfig.EmbedKernel); Add("backbone.embed.bias", c.Dim);
        Add("backbone.norm.weight", c.Dim); Add("backbone.norm.bias", c.Dim);
        for (int i = 0; i < c.NumLayers; i++)
        {
            var p = $"backbone.convnext.{i}.";
            Add(p + "dwconv.weight", c.Dim, 1, 7); Add(p + "dwconv.bias", c.Dim);
            Add(p + "norm.weight", c.Dim); Add(p + "norm.bias", c.Dim);
            Add(p + "pwconv1.weight", c.IntermediateDim, c.Dim); Add(p + "pwconv1.bias", c.IntermediateDim);
            Add(p + "pwconv2.weight", c.Dim, c.IntermediateDim); Add(p + "pwconv2.bias", c.Dim);
            Add(p + "gamma", c.Dim);
        }
        Add("backbone.final_layer_norm.weight", c.Dim); Add("backbone.final_layer_norm.bias", c.Dim);
        Add("head.out.weight", c.NFft + 2, c.Dim); Add("head.out.bias", c.NFft + 2);
        return list;
    }

    private static ParameterLayout Layout(VocosConfig c)
    {
        var layout = new ParameterLayout();
        foreach (var e in ExpectedTensors(c))
        {
            // Depthwise weights (c, 1, 7) are stored as (c, 7).
            var shape = e.Shape.Where((s, i) => !(e.Key.EndsWith("dwconv.weight") && i == 1)).Select(s => (int)s).ToArray();
            layout.Add(e.Key, shape);
        }
        return layout;
    }

    public static VocosWeights Load(IWeightFile file, VocosConfig config, IBackend backend)
    {
        WeightBinder.Validate(file, ExpectedTensors(config), NormalizeKey);
        var layout = Layout(config);
        // The vocoder stays float32 on every backend, as the official loader keeps it.
        var storage = backend.AllocateStorage(DType.F32, layout.TotalElements);
        try
        {
            foreach (var name in layout.Names)
            {
                var (offset, shape) = layout[name];
                var data = new float[ParameterLayout.CountOf(shape)];
                file.ReadFloat32(name, data);
                backend.Upload(new Tensor(storage, offset, shape), data);
            }
            return new VocosWeights(config, storage, layout);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    public static VocosWeights Random(VocosConfig config, IBackend backend, ulong seed)
    {
        var layout = Layout(config);
        var storage = backend.AllocateStorage(DType.F32, layout.TotalElements);
        int index = 0;
        foreach (var name in layout.Names)
        {
            var (offset, shape) = layout[name];
            var data = new float[ParameterLayout.CountOf(shape)];
            GaussianNoise.Fill(data, seed + (ulong)index++ * 0x9E3779B97F4A7C15UL, 0.02f);
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
                for (int i = 0; i < data.Length; i++) data[i] += 1f;
            backend.Upload(new Tensor(storage, offset, shape), data);
        }
        return new VocosWeights(config, storage, layout);
    }
}
