// Finds the model files in a directory: the released names (F5 `model_*.safetensors` or `.pt`,
// optional `vocab.txt`; Vocos `config.yaml` + `pytorch_model.bin` or `.safetensors`, beside it or in a
// `vocos`/`vocos-mel-24khz` subfolder) or a golden set (`<set>_f5.safetensors`, `<set>_vocos.safetensors`,
// `<set>_meta.json`). A missing file is an error that says what to place where.
using System.Text.Json;
using IShowTts.Engine.F5;
using IShowTts.Engine.Vocoder;

namespace IShowTts.Engine;

public sealed record ModelFiles(string F5Path, string VocosPath, F5Config F5, VocosConfig Vocos, string? VocabPath, string Description)
{
    public static ModelFiles Resolve(string directory, string preset = "F5TTS_v1_Base")
    {
        if (!Directory.Exists(directory))
            throw new EngineException($"model directory '{directory}' does not exist");
        var metas = Directory.GetFiles(directory, "*_meta.json");
        if (metas.Length > 0) return FromGoldenSet(metas.OrderBy(m => m, StringComparer.Ordinal).First());

        var f5 = Directory.GetFiles(directory, "model_*.safetensors").Concat(Directory.GetFiles(directory, "model_*.pt"))
            .OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        string? vocosDir = new[] { directory, Path.Combine(directory, "vocos"), Path.Combine(directory, "vocos-mel-24khz") }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "config.yaml")));
        string? vocos = vocosDir is null ? null : new[] { "pytorch_model.bin", "model.safetensors", "pytorch_model.safetensors" }
            .Select(f => Path.Combine(vocosDir, f)).FirstOrDefault(File.Exists);
        var problems = new List<string>();
        if (f5 is null) problems.Add($"no F5 checkpoint: place model_1250000.safetensors (hub SWivid/F5-TTS, F5TTS_v1_Base/) in {directory}");
        if (vocosDir is null) problems.Add($"no Vocos config.yaml: place config.yaml and pytorch_model.bin (hub charactr/vocos-mel-24khz) in {directory} or {Path.Combine(directory, "vocos")}");
        else if (vocos is null) problems.Add($"no Vocos weights: place pytorch_model.bin (hub charactr/vocos-mel-24khz) beside {Path.Combine(vocosDir, "config.yaml")}");
        if (problems.Count > 0) throw new EngineException("model files missing:\n  " + string.Join("\n  ", problems));
        var vocab = Path.Combine(directory, "vocab.txt");
        return new ModelFiles(f5!, vocos!, F5Config.FromPreset(preset), VocosConfig.FromYaml(Path.Combine(vocosDir!, "config.yaml")),
            File.Exists(vocab) ? vocab : null, $"{preset} from {directory}");
    }

    /// <summary>An explicit checkpoint file and a Vocos folder (config.yaml + weights), as `[f5] ckpt_file` and `vocoder_local_path` name them.</summary>
    public static ModelFiles FromParts(string checkpoint, string vocosDirectory, string preset, string? vocab)
    {
        if (!File.Exists(checkpoint)) throw new EngineException($"F5 checkpoint '{checkpoint}' does not exist");
        var config = Path.Combine(vocosDirectory, "config.yaml");
        if (!File.Exists(config)) throw new EngineException($"no Vocos config.yaml in {vocosDirectory} (hub charactr/vocos-mel-24khz)");
        var weights = new[] { "pytorch_model.bin", "model.safetensors", "pytorch_model.safetensors" }
            .Select(f => Path.Combine(vocosDirectory, f)).FirstOrDefault(File.Exists)
            ?? throw new EngineException($"no Vocos weights (pytorch_model.bin) in {vocosDirectory}");
        return new ModelFiles(checkpoint, weights, F5Config.FromPreset(preset), VocosConfig.FromYaml(config), vocab, $"{preset} from {checkpoint}");
    }

    private static ModelFiles FromGoldenSet(string metaPath)
    {
        var prefix = metaPath[..^"_meta.json".Length];
        JsonDocument meta;
        try
        {
            meta = JsonDocument.Parse(File.ReadAllText(metaPath));
        }
        catch (JsonException e)
        {
            throw new EngineException($"{metaPath}: not valid JSON ({e.Message})", e);
        }
        var root = meta.RootElement;
        int vocabSize = root.TryGetProperty("vocab_size", out var vs) ? vs.GetInt32() : 2545;
        var f5 = F5Config.FromArch(root.GetProperty("arch"), vocabSize);
        var vocos = root.TryGetProperty("vocos", out var v) ? VocosConfig.FromJson(v) : VocosConfig.MelBase24k;
        var dir = Path.GetDirectoryName(metaPath)!;
        var vocab = Path.Combine(dir, "vocab.txt");
        foreach (var f in new[] { prefix + "_f5.safetensors", prefix + "_vocos.safetensors" })
            if (!File.Exists(f)) throw new EngineException($"model set {metaPath} is missing {f}");
        return new ModelFiles(prefix + "_f5.safetensors", prefix + "_vocos.safetensors", f5, vocos,
            File.Exists(vocab) ? vocab : null, $"model set {Path.GetFileName(prefix)} ({f5})");
    }
}
