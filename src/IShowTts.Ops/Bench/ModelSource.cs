// Which F5 model a bench, profile or quality run uses: seeded random weights of the F5TTS_v1_Base
// shapes (no download), a model directory (released or golden layout), or the configured model
// ([f5] ckpt_file / model_dir) — never downloaded here: a missing model says to run `ishowtts download`.
using IShowTts.Configuration;
using IShowTts.Engine;
using IShowTts.Engine.Tensors;
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Ops.Bench;

public sealed record ModelSource(bool RandomWeights, string? ModelDirectory, string Preset = "F5TTS_v1_Base")
{
    /// <summary>"random", the model directory, or the configured checkpoint: stored with bench results.</summary>
    public string Describe(IShowTtsConfig? config) =>
        RandomWeights ? "random" : ModelDirectory ?? config?.F5.CheckpointFile ?? config?.F5.ModelDirectory ?? "configured";

    public F5Tts Load(IBackend backend, IShowTtsConfig? config, IProgress<double>? progress = null)
    {
        if (RandomWeights) return F5Tts.Random(backend);
        if (ModelDirectory is not null) return F5Tts.Load(ModelFiles.Resolve(ModelDirectory, Preset), backend, progress);
        if (config is null) throw new OpsException("no model: give --random-weights or --model-dir DIR");
        var f5 = config.F5;
        if (f5.CheckpointFile is not null)
            return F5Tts.Load(ModelFiles.FromParts(f5.CheckpointFile, f5.VocoderLocalPath ?? Path.Combine(f5.ModelDirectory, "vocos"), f5.Model, f5.VocabFile),
                backend, progress);
        var missing = ModelAcquisition.Missing(f5.ModelDirectory, f5.Model);
        if (missing.Count > 0)
            throw new OpsException($"the configured model is not in {f5.ModelDirectory} (missing {string.Join(", ", missing.Select(m => m.LinkName))}): " +
                                   "run `ishowtts download`, or use --random-weights");
        return F5Tts.Load(ModelFiles.Resolve(f5.ModelDirectory, f5.Model), backend, progress);
    }
}
