namespace IShowTts.Synthesis.Tests;

public sealed class CrossFadeStreamTests
{
    [Theory]
    [InlineData(0.15, new[] { 5000, 8000, 3000 })]
    [InlineData(0.15, new[] { 1000, 200, 9000 })]
    [InlineData(0.0, new[] { 10, 20 })]
    [InlineData(1.0, new[] { 100, 50, 70 })]
    public void StreamedOutputEqualsTheWholeJoin(double seconds, int[] lengths)
    {
        var rng = new Random(lengths.Sum());
        var chunks = lengths.Select(n => Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        var stream = new CrossFadeStream(seconds, 24000);
        var output = new List<float>();
        foreach (var c in chunks) output.AddRange(stream.Push(c));
        output.AddRange(stream.Flush());
        Assert.Equal(CrossFade.Join(chunks, seconds, 24000), output.ToArray());
    }
}
