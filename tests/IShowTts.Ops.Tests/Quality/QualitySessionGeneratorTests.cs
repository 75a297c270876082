// `quality generate` as a library, for real with the tiny golden F5 checkpoint on the CPU (plumbing: the
// tiny model's audio says nothing about quality): every sentence at both NFE values and the reference
// NFE with the same seed, blind copies that are the right samples, the manifest, an empty ratings file
// and the CSV template; refused plans say why.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Ops.Quality;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.TestSupport;
using IShowTts.Text;

namespace IShowTts.Ops.Tests.Quality;

public sealed class QualitySessionGeneratorTests
{
    private static readonly QualitySentence[] TwoSentences = [new("short", "en", "Thanks for the follow!"), new("tech", "zh", "把端口改成27121。")];

    internal static Synthesizer TinyF5()
    {
        var modelDir = Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!;
        var reference = Golden.Find("*.wav").OrderBy(f => AudioDecoder.Decode(f, 0).Seconds).First();
        var f5 = new F5Engine(() => F5Tts.Load(ModelFiles.Resolve(modelDir), new CpuBackend()), Vocabulary.Default, null);
        var catalog = new VoiceCatalog();
        catalog.Load([new Voice("streamer", "f5", "en-US", reference, "This is the reference recording.")]);
        var synthesizer = new Synthesizer([f5, new EspeakEngine()], catalog, new SynthesizerOptions("streamer"));
        Assert.True(f5.TryLoad(), f5.Status.Reason);
        return synthesizer;
    }

    private static string Root() => Directory.CreateTempSubdirectory("ishowtts-quality-gen-").FullName;

    [Fact]
    public async Task WritesPairsAtEachNfeWithTheSameSeedAndABlindOrder()
    {
        var root = Root();
        var plan = new QualityPlan("streamer", [3, 2], TwoSentences, Seed: 40, OrderSeed: 7, SessionId: "gen-test");

        var m = await QualitySessionGenerator.GenerateAsync(TinyF5(), plan, root, cancel: TestContext.Current.CancellationToken);

        var dir = Path.Combine(root, "gen-test");
        Assert.Equal([2, 3], m.Nfe);
        Assert.Equal((32, 7, "f5"), (m.ReferenceNfe, m.OrderSeed, m.Engine));
        Assert.Equal(["short-en-01", "tech-zh-02"], m.Items.Select(i => i.Id));
        Assert.Equal([40UL, 41UL], m.Items.Select(i => i.Seed));
        Assert.Equal(["short", "tech"], m.Categories);
        foreach (var item in m.Items)
        {
            Assert.Equal([2, 3, 32], item.Samples.Select(s => s.Nfe));
            foreach (var s in item.Samples)
            {
                Assert.True(File.Exists(Path.Combine(dir, s.File)), s.File);
                Assert.Equal($"samples/{item.Id}/nfe-{s.Nfe}.wav", s.File);
                Assert.True(s.DurationSeconds > 0.1, $"{s.File}: {s.DurationSeconds} s");
                Assert.InRange(s.ClippingRatio, 0, 1);
                Assert.InRange(s.SilenceRatio, 0, 1);
            }
            Assert.Equal(0.0, item.Sample(32).MelDistance);
            Assert.True(item.Sample(2).MelDistance > 0 && double.IsFinite(item.Sample(2).MelDistance), $"mel distance {item.Sample(2).MelDistance}");
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(dir, item.Sample(2).File)), File.ReadAllBytes(Path.Combine(dir, item.Sample(3).File)));
        }
        Assert.Equal(BlindOrder.Create(["short-en-01", "tech-zh-02"], 2, 3, 7), m.Trials);
        foreach (var t in m.Trials)
            foreach (var side in new[] { "a", "b" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(dir, m.Item(t.ItemId).Sample(t.NfeOf(side)).File)),
                    File.ReadAllBytes(Path.Combine(dir, "blind", $"trial-{t.Trial:D3}-{side}.wav")));

        var store = new QualitySessionStore(root);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(m), System.Text.Json.JsonSerializer.Serialize(store.Open("gen-test")));
        Assert.Empty(store.Ratings("gen-test"));
        Assert.Contains("1,,,,,", File.ReadAllText(Path.Combine(dir, QualitySessionStore.TemplateFile)));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));

        // The same seed and text again, in a fresh engine, gives the same sample: the pair differs only by NFE.
        var again = await TinyF5().SynthesizeAsync(new SpeechRequest("Thanks for the follow!", "streamer", NfeStep: 2, Seed: 40));
        Assert.Equal(WavWriter.ToBytes(again.Samples, again.SampleRate), File.ReadAllBytes(Path.Combine(dir, "samples/short-en-01/nfe-2.wav")));
    }

    [Fact]
    public async Task RefusedPlansSayWhy()
    {
        var synthesizer = TinyF5();
        var root = Root();
        async Task<string> Refused(QualityPlan plan) =>
            (await Assert.ThrowsAsync<OpsException>(() => QualitySessionGenerator.GenerateAsync(synthesizer, plan, root))).Message;

        Assert.Contains("exactly two different NFE values", await Refused(new QualityPlan("streamer", [6, 6], TwoSentences)));
        Assert.Contains("exactly two different NFE values", await Refused(new QualityPlan("streamer", [6], TwoSentences)));
        Assert.Contains("no sentences selected", await Refused(new QualityPlan("streamer", [6, 7], [])));
        Assert.Contains("is not a session id", await Refused(new QualityPlan("streamer", [6, 7], TwoSentences, SessionId: "../escape")));
        Directory.CreateDirectory(Path.Combine(root, "taken"));
        File.WriteAllText(Path.Combine(root, "taken", "x"), "");
        Assert.Contains("already exists and is not empty", await Refused(new QualityPlan("streamer", [6, 7], TwoSentences, SessionId: "taken")));
        Assert.False(Directory.Exists(Path.Combine(root, "..", "escape")) && File.Exists(Path.Combine(root, "..", "escape", "manifest.json")));
    }

    [Fact]
    public void CorpusHasEveryCategoryInBothLanguages()
    {
        foreach (var c in QualityCorpus.Categories)
            foreach (var l in QualityCorpus.Languages)
                Assert.True(QualityCorpus.All.Count(s => s.Category == c && s.Language == l) >= 2, $"{c}/{l}");
        Assert.Equal(8, QualityCorpus.Select(["short", "tech"], null).Count);
        Assert.Equal(2, QualityCorpus.Select(["tech"], ["zh"]).Count);
        Assert.Contains("unknown category 'poetry'", Assert.Throws<OpsException>(() => QualityCorpus.Select(["poetry"], null)).Message);
    }
}
