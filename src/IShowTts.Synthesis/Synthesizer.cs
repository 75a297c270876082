// What every front end calls: resolves the voice and engine, fills in the configured defaults, serves
// repeated requests from the clip cache, and streams or collects the engine's audio.
using System.Runtime.CompilerServices;
using System.Text;
using IShowTts.Synthesis.Caching;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;

namespace IShowTts.Synthesis;

/// <param name="DefaultVoice">voice id used when a request names none.</param>
/// <param name="Defaults">per-request defaults (NFE 7 in the default configuration).</param>
/// <param name="MaxTextChars">longest text accepted in one request.</param>
public sealed record SynthesizerOptions(string? DefaultVoice = null, SpeakOptions? Defaults = null, int MaxTextChars = 5000, int ClipCacheSize = 512);

public sealed class Synthesizer
{
    private readonly Dictionary<string, ISpeechEngine> _engines;
    private readonly ClipCache _clips;

    public Synthesizer(IEnumerable<ISpeechEngine> engines, VoiceCatalog voices, SynthesizerOptions? options = null)
    {
        _engines = engines.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Voices = voices;
        Options = options ?? new SynthesizerOptions();
        _clips = new ClipCache(Options.ClipCacheSize);
        foreach (var engine in _engines.Values) voices.Load(engine.BuiltInVoices.Where(v => !voices.TryGet(v.Id, out _)));
    }

    public VoiceCatalog Voices { get; }

    public SynthesizerOptions Options { get; }

    public ClipCache Clips => _clips;

    public IReadOnlyCollection<ISpeechEngine> Engines => _engines.Values;

    public ISpeechEngine? Engine(string id) => _engines.GetValueOrDefault(id);

    /// <summary>The voice a request names (or the default), checked against the engine it asks for.</summary>
    public Voice ResolveVoice(string? voiceId, string? engineId)
    {
        if (engineId is not null && !_engines.ContainsKey(engineId))
            throw new SpeechException(SpeechErrorKind.UnknownEngine, $"unknown engine '{engineId}' (known: {string.Join(", ", _engines.Keys)})");
        var id = voiceId ?? (engineId is null ? Options.DefaultVoice : null)
            ?? Voices.All.Where(v => engineId is null || v.Engine == engineId)
                .OrderBy(v => _engines.TryGetValue(v.Engine, out var e) && e.Status.Ready ? 0 : 1) // a ready engine's voice first
                .FirstOrDefault()?.Id
            ?? throw new SpeechException(SpeechErrorKind.UnknownVoice, "no voice given and no default voice configured");
        if (!VoiceCatalog.IsValidId(id) || !Voices.TryGet(id, out var voice))
            throw new SpeechException(SpeechErrorKind.UnknownVoice, $"unknown voice '{id}' (known: {string.Join(", ", Voices.All.Select(v => v.Id))})");
        if (engineId is not null && voice.Engine != engineId)
            throw new SpeechException(SpeechErrorKind.UnknownVoice, $"voice '{id}' belongs to engine '{voice.Engine}', not '{engineId}'");
        return voice;
    }

    public async Task<SpeechClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancel = default, IProgress<SpeakProgress>? progress = null)
    {
        var (voice, engine, resolved) = Resolve(request);
        resolved = resolved with { Progress = progress };
        var key = CacheKey(voice, engine, resolved);
        if (_clips.TryGet(key, out var cached)) return cached with { FromCache = true };
        var samples = new List<float>();
        int rate = 24000;
        await foreach (var chunk in engine.StreamAsync(voice, resolved, cancel))
        {
            samples.AddRange(chunk.Samples);
            rate = chunk.SampleRate;
        }
        var clip = new SpeechClip([.. samples], rate, voice.Id, engine.Id, false, []);
        _clips.Put(key, clip);
        return clip;
    }

    public async IAsyncEnumerable<AudioChunk> StreamAsync(SpeechRequest request, [EnumeratorCancellation] CancellationToken cancel = default,
        IProgress<SpeakProgress>? progress = null)
    {
        var (voice, engine, resolved) = Resolve(request);
        resolved = resolved with { Progress = progress };
        var key = CacheKey(voice, engine, resolved);
        if (_clips.TryGet(key, out var cached))
        {
            yield return new AudioChunk(cached.Samples, cached.SampleRate, 0, true);
            yield break;
        }
        var all = new List<float>();
        int rate = 24000;
        await foreach (var chunk in engine.StreamAsync(voice, resolved, cancel))
        {
            all.AddRange(chunk.Samples);
            rate = chunk.SampleRate;
            yield return chunk;
        }
        _clips.Put(key, new SpeechClip([.. all], rate, voice.Id, engine.Id, false, []));
    }

    /// <summary>Loads every engine that can load and warms up each preloaded voice with one synthesis.</summary>
    public async Task WarmUpAsync(CancellationToken cancel = default)
    {
        foreach (var f5 in _engines.Values.OfType<F5Engine>()) f5.TryLoad();
        foreach (var voice in Voices.All.Where(v => v.Preload))
            if (_engines.TryGetValue(voice.Engine, out var engine) && engine.Status.Ready)
                await engine.WarmUpAsync(voice, cancel);
    }

    private (Voice, ISpeechEngine, ResolvedRequest) Resolve(SpeechRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Text)) throw new SpeechException(SpeechErrorKind.EmptyText, "text must not be empty");
        if (r.Text.Length > Options.MaxTextChars)
            throw new SpeechException(SpeechErrorKind.TextTooLong, $"the text has {r.Text.Length} characters; at most {Options.MaxTextChars} are accepted in one request");
        var voice = ResolveVoice(r.VoiceId, r.Engine);
        if (!_engines.TryGetValue(voice.Engine, out var engine))
            throw new SpeechException(SpeechErrorKind.UnknownEngine, $"voice '{voice.Id}' needs engine '{voice.Engine}', which is not available");
        if (!engine.Status.Ready && engine is not F5Engine)
            throw new SpeechException(SpeechErrorKind.EngineNotReady, $"{engine.Label} is not ready: {engine.Status.Reason}");
        var d = Options.Defaults ?? new SpeakOptions();
        var options = d with
        {
            NfeStep = Check(r.NfeStep ?? d.NfeStep, 1, 64, "nfe_step"),
            CfgStrength = Check(r.CfgStrength ?? d.CfgStrength, 0f, 10f, "cfg_strength"),
            SwaySamplingCoefficient = Check(r.SwaySamplingCoefficient ?? d.SwaySamplingCoefficient, -1f, 1f, "sway_sampling_coef"),
            Speed = Check(r.Speed ?? d.Speed, 0.3, 3.0, "speed"),
            CrossFadeSeconds = Check(r.CrossFadeSeconds ?? d.CrossFadeSeconds, 0.0, 1.0, "cross_fade_duration"),
            FixDurationSeconds = r.FixDurationSeconds is { } f ? Check(f, 0.5, 80.0, "fix_duration") : d.FixDurationSeconds,
            Seed = r.Seed ?? d.Seed,
            Normalize = r.Normalize ?? d.Normalize,
            Language = voice.Language,
        };
        return (voice, engine, new ResolvedRequest(r.Text, options, Check(r.TargetRms ?? 0.1f, 0.01f, 1f, "target_rms"), r.RemoveSilence));
    }

    private static T Check<T>(T value, T min, T max, string name) where T : IComparable<T> =>
        value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0 ? value
            : throw new SpeechException(SpeechErrorKind.BadParameter, $"{name} must be between {min} and {max} (got {value})");

    private static string CacheKey(Voice voice, ISpeechEngine engine, ResolvedRequest r)
    {
        var o = r.Options;
        var sb = new StringBuilder();
        sb.Append(engine.Id).Append('|').Append(voice.Id).Append('|').Append(voice.ReferenceAudio).Append('|').Append(voice.ReferenceText)
          .Append('|').Append(o.NfeStep).Append('|').Append(o.CfgStrength).Append('|').Append(o.SwaySamplingCoefficient)
          .Append('|').Append(o.Speed).Append('|').Append(o.CrossFadeSeconds).Append('|').Append(o.FixDurationSeconds)
          .Append('|').Append(o.Seed).Append('|').Append(o.Normalize).Append('|').Append(r.TargetRms).Append('|').Append(r.RemoveSilence)
          .Append('|').Append(r.Text);
        return sb.ToString();
    }
}
