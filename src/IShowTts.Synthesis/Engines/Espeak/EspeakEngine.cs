// The system voice: libespeak-ng, so the product speaks on a fresh machine with no model weights.
// Output is resampled from espeak's 22050 Hz to the product's 24 kHz.
using System.Runtime.CompilerServices;
using IShowTts.Audio;
using IShowTts.Synthesis.Voices;

namespace IShowTts.Synthesis.Engines.Espeak;

public sealed class EspeakEngine : ISpeechEngine
{
    public const int OutputRate = 24000;

    public string Id => "espeak";

    public string Label => "eSpeak NG (system voice)";

    public EngineStatus Status
    {
        get
        {
            var lib = EspeakLibrary.TryGet(out var reason);
            return lib is null ? new EngineStatus(false, reason) : EngineStatus.Available;
        }
    }

    public IReadOnlyList<Voice> BuiltInVoices { get; } =
    [
        new("espeak-en", "espeak", "en-US", Label: "eSpeak English", EspeakVoice: "en-us"),
        new("espeak-zh", "espeak", "zh-CN", Label: "eSpeak Mandarin", EspeakVoice: "cmn"),
    ];

    public async IAsyncEnumerable<AudioChunk> StreamAsync(Voice voice, ResolvedRequest request, [EnumeratorCancellation] CancellationToken cancel)
    {
        var lib = EspeakLibrary.TryGet(out var reason) ?? throw new SpeechException(SpeechErrorKind.EngineNotReady, $"espeak is not ready: {reason}");
        var name = voice.EspeakVoice ?? (voice.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "cmn" : "en-us");
        int wpm = (int)Math.Round(175 * request.Options.Speed);
        var pcm = await Task.Run(() => lib.Speak(request.Text, name, wpm), cancel);
        var samples = new float[pcm.Length];
        for (int i = 0; i < pcm.Length; i++) samples[i] = pcm[i] / 32768f;
        var wave = Resampler.Resample(samples, lib.SampleRate, OutputRate);
        yield return new AudioChunk(wave, OutputRate, 0, true);
    }

    public Task WarmUpAsync(Voice voice, CancellationToken cancel) => Task.CompletedTask;
}
