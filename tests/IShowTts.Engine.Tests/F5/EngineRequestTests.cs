// What the engine refuses, and what it promises: wrong shapes, bad ids, empty text, requests past the
// model's 8192 frames, broken files — each a clear EngineException; same seed, same audio.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.F5;
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Weights;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.F5;

public sealed class EngineRequestTests
{
    private static ModelFiles TinySet => ModelFiles.Resolve(Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!);

    private static float[] Tone(int samples) =>
        Enumerable.Range(0, samples).Select(i => 0.1f * MathF.Sin(i * 0.05f) + 0.02f * MathF.Sin(i * 0.31f)).ToArray();

    [Fact]
    public void CheckpointOfAnotherShapeReportsEveryMismatchedTensor()
    {
        var files = TinySet;
        using var file = WeightFiles.Open(files.F5Path);
        var e = Assert.Throws<WeightMappingException>(() => F5Checkpoint.Load(file, F5Config.V1Base, new CpuBackend()));
        Assert.Contains(files.F5Path, e.Message);
        Assert.True(e.MisShaped.Count > 10, $"expected many mis-shaped tensors, got: {e.Message}");
        Assert.NotEmpty(e.Missing); // the Base model has 22 blocks, the tiny one fewer
    }

    [Fact]
    public void TruncatedWeightFileIsAnErrorNamingTheFile()
    {
        var files = TinySet;
        var dir = Directory.CreateTempSubdirectory("ishowtts-trunc-").FullName;
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(files.F5Path)!)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var copy = Path.Combine(dir, Path.GetFileName(files.F5Path));
        var bytes = File.ReadAllBytes(copy);
        File.WriteAllBytes(copy, bytes[..(bytes.Length / 2)]);
        var e = Assert.ThrowsAny<EngineException>(() => F5Tts.Load(ModelFiles.Resolve(dir), new CpuBackend()));
        Assert.Contains(Path.GetFileName(copy), e.Message);
    }

    [Fact]
    public void MissingModelFilesSayWhatToPlaceWhere()
    {
        var dir = Directory.CreateTempSubdirectory("ishowtts-empty-").FullName;
        var e = Assert.Throws<EngineException>(() => ModelFiles.Resolve(dir));
        Assert.Contains("model_1250000.safetensors", e.Message);
        Assert.Contains("pytorch_model.bin", e.Message);
    }

    [Fact]
    public void TokenIdOutsideTheVocabularyIsRefused()
    {
        using var tts = F5Tts.Load(TinySet, new CpuBackend());
        var e = Assert.Throws<EngineException>(() => tts.Synthesize(new SynthesisRequest(Tone(24000), [5, 99999], 200, Nfe: 1)));
        Assert.Contains("99999", e.Message);
    }

    [Fact]
    public void EmptyTextIsRefused()
    {
        using var tts = F5Tts.Load(TinySet, new CpuBackend());
        Assert.Throws<EngineException>(() => tts.Synthesize(new SynthesisRequest(Tone(24000), [], 200, Nfe: 1)));
        Assert.Throws<EngineException>(() => tts.Synthesize(new SynthesisRequest(Tone(24000), [-1, -1], 200, Nfe: 1)));
    }

    [Fact]
    public void RequestLongerThanTheModelAllowsIsRefused()
    {
        using var tts = F5Tts.Load(TinySet, new CpuBackend());
        var e = Assert.Throws<EngineException>(() => tts.Synthesize(new SynthesisRequest(Tone(24000), [5, 6, 7], 9000, Nfe: 1)));
        Assert.Contains("8192", e.Message);
    }

    [Fact]
    public void SameSeedGivesSameAudioAndAnotherSeedDiffers()
    {
        using var tts = F5Tts.Load(TinySet, new CpuBackend());
        int[] ids = [20, 30, 40, 50, 60];
        var a = tts.Synthesize(new SynthesisRequest(Tone(24000), ids, 140, Nfe: 3, Seed: 11)).Wave;
        var b = tts.Synthesize(new SynthesisRequest(Tone(24000), ids, 140, Nfe: 3, Seed: 11)).Wave;
        var c = tts.Synthesize(new SynthesisRequest(Tone(24000), ids, 140, Nfe: 3, Seed: 12)).Wave;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal((140 - 24000 / 256 - 1) * 256, a.Length); // Vocos gives (frames − 1)·hop samples
        Assert.All(a, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void RandomWeightsOfAnyShapeRunTheWholePath()
    {
        var config = new F5Config(32, 1, 2, 16, 2, 16, 1, TextMaskPadding: true, RotaryHeads: 2);
        using var tts = F5Tts.Random(new CpuBackend(), 5, config, new IShowTts.Engine.Vocoder.VocosConfig(32, 64, 1));
        var r = tts.Synthesize(new SynthesisRequest(Tone(12000), [1, 2, 3], 60, Nfe: 2));
        Assert.Equal((60 - 12000 / 256 - 1) * 256, r.Wave.Length);
    }

    [Fact]
    public void BatchOfTwoEqualsEachItemAloneOnItsFrames()
    {
        using var tts = F5Tts.Load(TinySet, new CpuBackend());
        var mel = tts.Mel.Compute(Tone(16000));
        int frames = mel.Length / 100;
        int[] a = [10, 11, 12, 13], b = [20, 21, -1, -1];
        var both = tts.Sampler.Sample(new SampleRequest([mel, mel], [frames, frames], [a, b], [90, 90], 3, Seed: 4), out int n);
        var alone = tts.Sampler.Sample(new SampleRequest([mel], [frames], [b[..2]], [90], 3, Seed: 4), out _);
        Assert.Equal(90, n);
        Compare.AssertClose(both.AsSpan(90 * 100, 90 * 100), alone, 1e-4, "item 1 batched vs alone");
    }
}
