// F5-TTS as a speech engine: loads the model once (or reports why it cannot, with what to download),
// prepares voices through the reference cache, and streams chunk by chunk. One request uses the
// model at a time; chunks are synthesised off the caller's thread and cancellation stops at the next
// sampling step.
using System.Runtime.CompilerServices;
using IShowTts.Engine;
using IShowTts.Synthesis.Caching;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Synthesis.Engines.F5;

public sealed class F5Engine : ISpeechEngine, IDisposable
{
    private readonly Func<F5Tts> _load;
    private readonly Vocabulary _vocabulary;
    private readonly string? _cacheDirectory;
    private readonly SemaphoreSlim _model = new(1, 1);
    private readonly Lock _loadLock = new();
    private F5Tts? _tts;
    private F5Speaker? _speaker;
    private ReferenceCache? _references;
    private string? _failure;
    private readonly Func<string?>? _probe;

    /// <param name="load">builds the model (weights from disk, or random for benches); may throw EngineException saying what is missing.</param>
    /// <param name="referenceCacheDirectory">where processed references are kept across restarts, or null for memory only.</param>
    /// <param name="probe">says, without loading, why the model cannot load (null: it can), for status pages before first use.</param>
    public F5Engine(Func<F5Tts> load, Vocabulary vocabulary, string? referenceCacheDirectory, string label = "F5-TTS", Func<string?>? probe = null)
    {
        _probe = probe;
        _load = load;
        _vocabulary = vocabulary;
        _cacheDirectory = referenceCacheDirectory;
        Label = label;
    }

    public string Id => "f5";

    public string Label { get; }

    public EngineStatus Status => _tts is not null ? EngineStatus.Available
        : new EngineStatus(false, _failure ?? "the model is not loaded yet");

    public IReadOnlyList<Voice> BuiltInVoices => [];

    public F5Tts? Model => _tts;

    /// <summary>Loads the model now; returns false (and Status says why) when it cannot.</summary>
    public bool TryLoad()
    {
        lock (_loadLock)
        {
            if (_tts is not null) return true;
            try
            {
                _tts = _load();
                _speaker = new F5Speaker(_tts, _vocabulary);
                _references = new ReferenceCache(_cacheDirectory, wave => _tts.Mel.Compute(wave));
                _failure = null;
                return true;
            }
            catch (EngineException e)
            {
                _failure = e.Message;
                return false;
            }
        }
    }

    /// <summary>Fills Status's reason without loading the model (a missing download, say).</summary>
    public void TryProbe()
    {
        if (_tts is null && _failure is null) _failure = _probe?.Invoke() ?? "the model loads on first use";
    }

    public PreparedVoice Prepare(Voice voice)
    {
        if (!TryLoad()) throw new SpeechException(SpeechErrorKind.EngineNotReady, $"F5-TTS is not ready: {_failure}");
        return _references!.Get(voice.ReferenceAudio!, voice.ReferenceText!);
    }

    public async IAsyncEnumerable<AudioChunk> StreamAsync(Voice voice, ResolvedRequest request, [EnumeratorCancellation] CancellationToken cancel)
    {
        var prepared = Prepare(voice).WithTargetRms(request.TargetRms);
        var options = request.Options with { Language = request.Options.Language ?? voice.Language };
        SpeechPlan plan;
        try
        {
            plan = _speaker!.Plan(prepared, voice.ReferenceText!, request.Text, options, shortFirstChunk: true);
        }
        catch (EngineException e)
        {
            throw new SpeechException(SpeechErrorKind.BadParameter, e.Message, e);
        }
        var fade = new CrossFadeStream(options.CrossFadeSeconds, F5Tts.SampleRate);
        for (int i = 0; i < plan.Chunks.Count; i++)
        {
            await _model.WaitAsync(cancel);
            float[] wave;
            try
            {
                int index = i;
                wave = await Task.Run(() => _speaker.SpeakChunk(prepared, plan, index, options, null, request.Progress, cancel).Wave, cancel);
            }
            catch (EngineException e)
            {
                throw new SpeechException(SpeechErrorKind.TextTooLong, e.Message, e);
            }
            finally
            {
                _model.Release();
            }
            if (request.RemoveSilence) wave = IShowTts.Audio.SilenceRemover.RemoveLongSilences(wave, F5Tts.SampleRate);
            var ready = fade.Push(wave);
            bool last = i == plan.Chunks.Count - 1;
            if (last) ready = [.. ready, .. fade.Flush()];
            yield return new AudioChunk(ready, F5Tts.SampleRate, i, last);
        }
    }

    public async Task WarmUpAsync(Voice voice, CancellationToken cancel)
    {
        await foreach (var _ in StreamAsync(voice, new ResolvedRequest("Hi.", new SpeakOptions(NfeStep: 1), 0.1f, false), cancel))
        {
        }
    }

    public void Dispose()
    {
        _tts?.Dispose();
        _model.Dispose();
    }
}
