// The speaking pipeline with the real engine on the tiny golden checkpoint: long text is chunked and
// joined, unknown characters are reported, empty input refused.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Synthesis;
using IShowTts.Text;
using IShowTts.TestSupport;

namespace IShowTts.Synthesis.Tests;

public sealed class F5SpeakerTests
{
    private static F5Speaker Speaker() =>
        new(F5Tts.Load(ModelFiles.Resolve(Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!), new CpuBackend()), Vocabulary.Default);

    private static PreparedReference Reference() => ReferencePreprocessor.Prepare(AudioDecoder.Decode(Golden.Find("*.wav")[0]));

    [Fact]
    public void LongTextBecomesOneWaveOfSeveralChunks()
    {
        var speaker = Speaker();
        var text = string.Join(" ", Enumerable.Repeat("This sentence is long enough to need its own chunk of speech, chat.", 6));
        var chunks = new HashSet<int>();
        var result = speaker.Speak(Reference(), "A short reference.", text, new SpeakOptions(NfeStep: 2),
            new InlineProgress<SpeakProgress>(p => chunks.Add(p.Chunk)));
        Assert.True(chunks.Count > 1, "expected several chunks");
        Assert.Equal(24000, result.SampleRate);
        Assert.True(result.Wave.Length > 24000);
        Assert.All(result.Wave, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void UnknownCharactersAreReportedAndStillSpoken()
    {
        var result = Speaker().Speak(Reference(), "A short reference.", "hello ☃ chat", new SpeakOptions(NfeStep: 1, Normalize: false));
        Assert.Contains("☃", result.UnknownTokens);
        Assert.NotEmpty(result.Wave);
    }

    [Fact]
    public void EmptyTextIsRefused() =>
        Assert.Equal(SpeechErrorKind.EmptyText, Assert.Throws<SpeechException>(() => Speaker().Speak(Reference(), "ref", "  ", new SpeakOptions(NfeStep: 1))).Kind);

    [Fact]
    public void NumbersAreReadOutUnlessNormalisationIsOff()
    {
        var speaker = Speaker();
        var on = speaker.Speak(Reference(), "A short reference.", "I have 2 cats.", new SpeakOptions(NfeStep: 1));
        var off = speaker.Speak(Reference(), "A short reference.", "I have 2 cats.", new SpeakOptions(NfeStep: 1, Normalize: false));
        Assert.Contains("two", string.Join(" ", on.Chunks));
        Assert.Contains("2", string.Join(" ", off.Chunks));
    }
}
