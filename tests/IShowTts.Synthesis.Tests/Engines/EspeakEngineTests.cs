using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Voices;

namespace IShowTts.Synthesis.Tests.Engines;

public sealed class EspeakEngineTests
{
    [Fact]
    public async Task SpeaksEnglishAndChineseWithoutAnyModel()
    {
        var engine = new EspeakEngine();
        if (!engine.Status.Ready) Assert.Fail($"espeak should be installed by scripts/test: {engine.Status.Reason}");
        var synth = new Synthesizer([engine], new VoiceCatalog());
        foreach (var (voice, text) in new[] { ("espeak-en", "Hello chat"), ("espeak-zh", "你好，欢迎来到直播间") })
        {
            var clip = await synth.SynthesizeAsync(new SpeechRequest(text, VoiceId: voice));
            Assert.Equal(24000, clip.SampleRate);
            Assert.InRange(clip.Seconds, 0.4, 10);
            double rms = Math.Sqrt(clip.Samples.Average(s => (double)s * s));
            Assert.True(rms > 0.01, $"{voice}: silent output (rms {rms})");
        }
    }

    [Fact]
    public async Task FasterSpeedIsShorter()
    {
        var synth = new Synthesizer([new EspeakEngine()], new VoiceCatalog());
        var normal = await synth.SynthesizeAsync(new SpeechRequest("This sentence is read at two speeds.", VoiceId: "espeak-en"));
        var fast = await synth.SynthesizeAsync(new SpeechRequest("This sentence is read at two speeds.", VoiceId: "espeak-en", Speed: 2.0));
        Assert.True(fast.Seconds < normal.Seconds * 0.8);
    }
}
