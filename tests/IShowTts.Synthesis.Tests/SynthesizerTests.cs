using IShowTts.Synthesis.Voices;

namespace IShowTts.Synthesis.Tests;

public sealed class SynthesizerTests
{
    private const string LongEnglish =
        "Welcome back to the stream, everybody. Today we are going to try the new update and see whether the boss fight is any easier.\n\n" +
        "Thanks for all the follows and the subs, chat. Remember to stay hydrated, and be nice to each other in the comments.";

    private const string LongChinese = "欢迎大家来到直播间。今天我们要试一下新的更新，看看这个头目是不是变简单了。\n\n谢谢大家的关注和订阅，记得多喝水，在评论区互相友善一点。";

    [Fact]
    public async Task StreamYieldsTheFirstChunkBeforeTheRestIsSynthesised()
    {
        var f = new SynthesizerFixture(nfe: 2);
        long stepsAtFirst = -1;
        int chunks = 0;
        await foreach (var chunk in f.Synthesizer.StreamAsync(new SpeechRequest(LongEnglish)))
        {
            if (chunks++ == 0) stepsAtFirst = f.SamplingSteps;
        }
        Assert.True(chunks > 1, "the text should need several chunks");
        Assert.Equal(2, stepsAtFirst);               // one chunk's worth of steps when the first audio arrives
        Assert.Equal(2L * chunks, f.SamplingSteps);  // and the rest after it
    }

    [Fact]
    public async Task CancellingMidStreamLeavesNoWorkRunning()
    {
        var f = new SynthesizerFixture(nfe: 2);
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in f.Synthesizer.StreamAsync(new SpeechRequest(LongEnglish), cts.Token))
                cts.Cancel();
        });
        long after = f.SamplingSteps;
        await Task.Delay(300);
        Assert.Equal(after, f.SamplingSteps);
        // The model is free again: a new request runs to the end.
        var clip = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("Still here."));
        Assert.NotEmpty(clip.Samples);
    }

    [Theory]
    [InlineData(LongEnglish)]
    [InlineData(LongChinese)]
    public async Task LongTextIsOneContinuousWaveOfCrossFadedChunks(string text)
    {
        var f = new SynthesizerFixture(nfe: 2);
        var pieces = new List<float[]>();
        await foreach (var chunk in f.Synthesizer.StreamAsync(new SpeechRequest(text, Seed: 3)))
            pieces.Add(chunk.Samples);
        Assert.True(pieces.Count > 1);
        var streamed = pieces.SelectMany(p => p).ToArray();
        var whole = await new SynthesizerFixture(nfe: 2).Synthesizer.SynthesizeAsync(new SpeechRequest(text, Seed: 3));
        Assert.Equal(whole.Samples.Length, streamed.Length);
        Assert.Equal(whole.Samples, streamed);
        Assert.All(streamed, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public async Task RepeatedLineComesFromTheClipCache()
    {
        var f = new SynthesizerFixture(nfe: 1);
        var first = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("gg"));
        long steps = f.SamplingSteps;
        var second = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("gg"));
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(steps, f.SamplingSteps);
        Assert.Equal(first.Samples, second.Samples);
        var other = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("gg", Seed: 9));
        Assert.False(other.FromCache);
    }

    [Fact]
    public async Task UnknownVoiceIsAClearError()
    {
        var f = new SynthesizerFixture();
        var e = await Assert.ThrowsAsync<SpeechException>(() => f.Synthesizer.SynthesizeAsync(new SpeechRequest("hi", VoiceId: "nobody")));
        Assert.Equal(SpeechErrorKind.UnknownVoice, e.Kind);
        Assert.Contains("streamer", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyTextIsRefused(string text)
    {
        var e = await Assert.ThrowsAsync<SpeechException>(() => new SynthesizerFixture().Synthesizer.SynthesizeAsync(new SpeechRequest(text)));
        Assert.Equal(SpeechErrorKind.EmptyText, e.Kind);
    }

    [Fact]
    public async Task OutOfRangeParametersAreRefused()
    {
        var e = await Assert.ThrowsAsync<SpeechException>(() => new SynthesizerFixture().Synthesizer.SynthesizeAsync(new SpeechRequest("hi", NfeStep: 0)));
        Assert.Equal(SpeechErrorKind.BadParameter, e.Kind);
        Assert.Contains("nfe_step", e.Message);
    }

    [Fact]
    public async Task MissingModelMakesF5NotReadyWithTheReason()
    {
        var catalog = new VoiceCatalog();
        catalog.Load([new Voice("v", "f5", "en-US", new SynthesizerFixture().ReferenceWav, "ref")]);
        var f5 = new IShowTts.Synthesis.Engines.F5.F5Engine(() => IShowTts.Engine.F5Tts.Load(IShowTts.Engine.ModelFiles.Resolve("/nonexistent/model"), new IShowTts.Engine.Backends.Cpu.CpuBackend()),
            IShowTts.Text.Vocabulary.Default, null);
        var synth = new Synthesizer([f5], catalog, new SynthesizerOptions("v"));
        await synth.WarmUpAsync();
        Assert.False(f5.Status.Ready);
        Assert.Contains("/nonexistent/model", f5.Status.Reason);
        var e = await Assert.ThrowsAsync<SpeechException>(() => synth.SynthesizeAsync(new SpeechRequest("hi")));
        Assert.Equal(SpeechErrorKind.EngineNotReady, e.Kind);
    }

    [Fact]
    public void UnreadableVoicesAreReportedByIdAndTheRestLoad()
    {
        var dir = Directory.CreateTempSubdirectory("ishowtts-voices-").FullName;
        var garbage = Path.Combine(dir, "garbage.wav");
        File.WriteAllText(garbage, "not audio");
        var catalog = new VoiceCatalog();
        var problems = catalog.Load([
            new Voice("good", "f5", "en-US", new SynthesizerFixture().ReferenceWav, "the transcript"),
            new Voice("missing", "f5", "en-US", Path.Combine(dir, "nope.wav"), "x"),
            new Voice("broken", "f5", "en-US", garbage, "x"),
            new Voice("notext", "f5", "en-US", new SynthesizerFixture().ReferenceWav, ""),
            new Voice("../evil", "espeak"),
        ]);
        Assert.Equal(["../evil", "broken", "missing", "notext"], problems.Select(p => p.VoiceId).Order(StringComparer.Ordinal));
        Assert.True(catalog.TryGet("good", out _));
    }

    [Fact]
    public async Task TargetRmsAndRemoveSilenceChangeTheResult()
    {
        var f = new SynthesizerFixture(nfe: 1);
        var plain = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("A line to check parameters."));
        var louder = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("A line to check parameters.", TargetRms: 0.2f));
        var trimmed = await f.Synthesizer.SynthesizeAsync(new SpeechRequest("A line to check parameters.", RemoveSilence: true));
        Assert.NotEqual(plain.Samples, louder.Samples);
        Assert.True(trimmed.Samples.Length <= plain.Samples.Length);
        Assert.All(louder.Samples, v => Assert.True(float.IsFinite(v)));
    }
}
