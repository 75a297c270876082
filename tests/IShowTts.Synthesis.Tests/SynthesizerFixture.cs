// A synthesizer over the real engines: F5 with the tiny golden checkpoint on a profiled CPU backend
// (so tests can count sampling steps), and espeak when libespeak-ng is installed.
using IShowTts.Engine;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Tensors;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;
using IShowTts.TestSupport;

namespace IShowTts.Synthesis.Tests;

internal sealed class SynthesizerFixture
{
    public SynthesizerFixture(string? cacheDir = null, int nfe = 2)
    {
        Profiler = new ProfilingBackend(new CpuBackend()) { Enabled = true };
        var modelDir = Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!;
        F5 = new F5Engine(() => F5Tts.Load(ModelFiles.Resolve(modelDir), Profiler), Vocabulary.Default, cacheDir);
        ReferenceWav = Golden.Find("*.wav")[0];
        var catalog = new VoiceCatalog();
        catalog.Load([new Voice("streamer", "f5", "en-US", ReferenceWav, "This is the reference recording.")]);
        Synthesizer = new Synthesizer([F5, new EspeakEngine()], catalog, new SynthesizerOptions("streamer", new SpeakOptions(NfeStep: nfe)));
    }

    public ProfilingBackend Profiler { get; }
    public F5Engine F5 { get; }
    public string ReferenceWav { get; }
    public Synthesizer Synthesizer { get; }

    public long SamplingSteps => Profiler.Stats.TryGetValue("euler_cfg", out var s) ? s.Calls : 0;
}
