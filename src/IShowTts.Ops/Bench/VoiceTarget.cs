// A configured voice speaking a fixed bench text through the product path (normalisation, chunking,
// reference cache, loudness): the bench for "my voice on my machine". Not comparable with W1.
using IShowTts.Engine;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Ops.Bench;

public sealed class VoiceTarget : IBenchTarget
{
    public const string Text = W1Workload.GeneratedText;

    private readonly F5Tts _engine;
    private readonly Vocabulary _vocabulary;
    private readonly Voice _voice;
    private readonly PreparedVoice _prepared;

    public VoiceTarget(F5Tts engine, Vocabulary vocabulary, Voice voice)
    {
        if (voice.Engine != "f5" || voice.ReferenceAudio is null || voice.ReferenceText is null)
            throw new OpsException($"voice '{voice.Id}' is not an F5 voice with a reference recording and its transcript");
        _engine = engine;
        _vocabulary = vocabulary;
        _voice = voice;
        var f5 = new F5Engine(() => engine, vocabulary, null); // not disposed: it would dispose the shared model
        _prepared = f5.Prepare(voice);
    }

    public string Workload => $"voice:{_voice.Id}";

    public F5Tts Engine => _engine;

    public (PhaseTimings Phases, double GeneratedSeconds) Run(int nfe, ulong seed, IProgress<int>? steps, CancellationToken cancel)
    {
        var speaker = new F5Speaker(_engine, _vocabulary);
        var progress = steps is null ? null : new StepForwarder(steps);
        var result = speaker.Speak(_prepared, _voice.ReferenceText!, Text,
            new SpeakOptions(NfeStep: nfe, Seed: seed, Language: _voice.Language), progress, cancel);
        var sum = result.ChunkTimings.Aggregate(new PhaseTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero),
            (a, t) => new PhaseTimings(a.Mel + t.Mel, a.Prepare + t.Prepare, a.Steps + t.Steps, a.Vocoder + t.Vocoder));
        return (sum, (double)result.Wave.Length / result.SampleRate);
    }

    public double TimeToFirstAudio(int nfe, CancellationToken cancel) => FirstAudio.Measure(_engine, _vocabulary, _voice, nfe, cancel);

    private sealed class StepForwarder(IProgress<int> steps) : IProgress<SpeakProgress>
    {
        public void Report(SpeakProgress value) => steps.Report(value.Step);
    }
}
