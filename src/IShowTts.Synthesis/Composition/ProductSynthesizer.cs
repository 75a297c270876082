// Builds the product's Synthesizer from the configuration: the espeak engine (always), the F5 engine
// with its model from `[f5]` (a checkpoint file, or the model directory, downloaded on first use when
// `auto_download` is on, else not ready with what to place where), the configured voices, and the
// per-request defaults. Used by `ishowtts say/voices/serve`.
using IShowTts.Configuration;
using IShowTts.Engine;
using IShowTts.Engine.Backends;
using IShowTts.Synthesis.Acquisition;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Synthesis.Composition;

public static class ProductSynthesizer
{
    /// <param name="log">one line per event (device chosen, model loading, download progress).</param>
    /// <param name="f5Override">a model source that replaces the configured one (the CLI's --model-dir / --random-weights).</param>
    public static (Synthesizer Synthesizer, F5Engine F5) Build(IShowTtsConfig config, Action<string> log, Func<F5Tts>? f5Override = null)
    {
        var vocabulary = config.F5.VocabFile is { } v ? Vocabulary.Load(v) : Vocabulary.Default;
        var f5 = new F5Engine(f5Override ?? (() => LoadConfiguredModel(config, log)), vocabulary,
            Path.Combine(config.Paths.CacheDirectory, "references"), probe: () => f5Override is null ? Probe(config) : null);
        var espeak = new EspeakEngine();
        var catalog = new VoiceCatalog();
        var voices = config.F5.Voices.Select(f => new Voice(f.Id, "f5", f.Language, f.ReferenceAudio, f.ReferenceText, f.Preload,
                f.EngineLabel, f.Owner, f.ConsentNote))
            .Concat(config.Espeak.Voices.Select(e => new Voice(e.Id, "espeak", e.Language, Label: e.EngineLabel, EspeakVoice: e.Voice)));
        foreach (var problem in catalog.Load(voices)) log($"voice '{problem.VoiceId}' is not available: {problem.Reason}");
        var defaults = new SpeakOptions(NfeStep: config.F5.DefaultNfeStep);
        var synth = new Synthesizer(new ISpeechEngine[] { f5, espeak }, catalog,
            new SynthesizerOptions(string.IsNullOrEmpty(config.DefaultVoice) ? null : config.DefaultVoice, defaults));
        return (synth, f5);
    }

    /// <summary>Why the configured model would not load, without loading it: null when its files are there.</summary>
    public static string? Probe(IShowTtsConfig config)
    {
        var f5 = config.F5;
        if (f5.CheckpointFile is not null) return File.Exists(f5.CheckpointFile) ? null : $"F5 checkpoint '{f5.CheckpointFile}' does not exist";
        var missing = ModelAcquisition.Missing(f5.ModelDirectory, f5.Model);
        if (missing.Count == 0) return null;
        var options = HubOptions.FromEnvironment(ConfigurationLoader.ProcessEnvironment(), f5.HfCacheDirectory);
        return f5.AutoDownload
            ? $"the model is not downloaded yet: it is fetched on first use (auto_download), or now with `ishowtts download`; " +
              $"to place the files by hand see `ishowtts download --offline`"
            : ModelAcquisition.OfflineInstructions(options, f5.ModelDirectory, missing, "auto_download is off");
    }

    /// <summary>The F5 model the configuration names, on the configured device; downloads it first when allowed.</summary>
    public static F5Tts LoadConfiguredModel(IShowTtsConfig config, Action<string> log)
    {
        var f5 = config.F5;
        ModelFiles files;
        if (f5.CheckpointFile is not null)
            files = ModelFiles.FromParts(f5.CheckpointFile, f5.VocoderLocalPath ?? Path.Combine(f5.ModelDirectory, "vocos"), f5.Model, f5.VocabFile);
        else
        {
            var missing = ModelAcquisition.Missing(f5.ModelDirectory, f5.Model);
            if (missing.Count > 0)
            {
                var options = HubOptions.FromEnvironment(ConfigurationLoader.ProcessEnvironment(), f5.HfCacheDirectory);
                if (!f5.AutoDownload)
                    throw new EngineException(ModelAcquisition.OfflineInstructions(options, f5.ModelDirectory, missing, "auto_download is off"));
                log($"downloading {f5.Model} into {f5.ModelDirectory} (first use)…");
                try
                {
                    using var hub = new HubClient(options);
                    ModelAcquisition.EnsureDefaultModelsAsync(hub, f5.ModelDirectory, f5.Model).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is HubException or HubOfflineException or HttpRequestException or IOException)
                {
                    throw new EngineException($"the model could not be downloaded: {e.Message}\n" +
                        ModelAcquisition.OfflineInstructions(options, f5.ModelDirectory, missing), e);
                }
            }
            files = ModelFiles.Resolve(f5.ModelDirectory, f5.Model);
        }
        var backend = BackendSelector.Create(f5.Device, log);
        log($"F5-TTS on {backend.Device.Name} ({backend.Device.Details}); loading {files.Description}");
        try
        {
            return F5Tts.Load(files, backend);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }
}
