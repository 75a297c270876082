// [f5] and [[f5.voices]]: model, files, device, steps; each voice checked, and a voice whose reference
// audio is missing left out with a warning (the other voices still load).
using System.Text.RegularExpressions;

namespace IShowTts.Configuration.Internal.Binding;

internal static partial class F5Binder
{
    public static readonly IReadOnlyList<string> Models = ["F5TTS_v1_Base", "F5TTS_Base"];

    public static F5Section Bind(TableReader r, PathsSection paths, IReadOnlyDictionary<string, string?> environment,
        VoiceRegistry registry, List<UnavailableVoice> unavailableVoices)
    {
        var model = r.Choice("model", "F5TTS_v1_Base", Models);
        var device = r.String("device", "auto").Trim().ToLowerInvariant();
        if (!DevicePattern().IsMatch(device))
        {
            r.Error("device", $"must be auto, cpu, cuda or cuda:N (got \"{device}\"){DidYouMean.Suffix(device, ["auto", "cpu", "cuda"])}");
            device = "auto";
        }
        var modelDir = OptionalPath(r, "model_dir", environment, mustExist: false)
            ?? Path.Combine(paths.ModelsDirectory, model);
        var settings = new F5Section
        {
            Model = model,
            CheckpointFile = OptionalPath(r, "ckpt_file", environment, mustExist: true),
            VocabFile = OptionalPath(r, "vocab_file", environment, mustExist: true),
            VocoderLocalPath = OptionalPath(r, "vocoder_local_path", environment, mustExist: true),
            ModelDirectory = modelDir,
            HfCacheDirectory = OptionalPath(r, "hf_cache_dir", environment, mustExist: false),
            AutoDownload = r.Boolean("auto_download", true),
            Device = device,
            DefaultNfeStep = r.Int("default_nfe_step", 7, 1, 128),
            Voices = Voices(r, environment, registry, unavailableVoices),
        };
        r.Ignore("python_package_path", "there is no Python in iShowTTS.NET");
        r.Finish();
        return settings;
    }

    private static IReadOnlyList<F5VoiceSection> Voices(TableReader r, IReadOnlyDictionary<string, string?> environment,
        VoiceRegistry registry, List<UnavailableVoice> unavailableVoices)
    {
        var voices = new List<F5VoiceSection>();
        foreach (var v in r.Tables("voices"))
        {
            var id = v.RequiredString("id").Trim();
            bool registered = registry.Add(id, v.OriginOf("id"), v.KeyPath("id"));
            var audioText = v.RequiredString("reference_audio").Trim();
            var audio = audioText.Length == 0 ? "" : ConfigPaths.Resolve(audioText, v.OriginOf("reference_audio"), environment);
            var referenceText = v.RequiredString("reference_text");
            var voice = new F5VoiceSection(
                id, audio, referenceText.Trim(),
                v.Choice("language", "en-US", Languages.Supported, Languages.Aliases),
                v.String("engine_label", "F5"),
                v.Boolean("preload", false),
                v.String("owner", ""),
                v.String("consent_note", ""));
            v.Finish();
            if (!registered || audio.Length == 0) continue;
            if (!File.Exists(audio))
            {
                var reason = Directory.Exists(audio) ? $"reference audio {audio} is a directory, not a file" : $"reference audio {audio} not found";
                registry.MarkUnavailable(id, reason);
                unavailableVoices.Add(new UnavailableVoice(id, "f5", reason, v.OriginOf("reference_audio")));
                v.Warn("reference_audio", $"voice \"{id}\" left out: {reason}");
                continue;
            }
            voices.Add(voice);
        }
        return voices;
    }

    /// <summary>A path key where "" means "not set"; a set file that does not exist is a warning (the engine will not be ready).</summary>
    private static string? OptionalPath(TableReader r, string key, IReadOnlyDictionary<string, string?> environment, bool mustExist)
    {
        var text = r.String(key, "").Trim();
        if (text.Length == 0) return null;
        var path = ConfigPaths.Resolve(text, r.OriginOf(key), environment);
        if (mustExist && !File.Exists(path) && !Directory.Exists(path))
            r.Warn(key, $"{path} not found; the f5 engine will not be ready until it exists");
        return path;
    }

    [GeneratedRegex("^(auto|cpu|cuda(:[0-9]{1,2})?)$")]
    private static partial Regex DevicePattern();
}
