// W1 is defined in shared/docs/gpu.md; these are its numbers, so the bench measures exactly that.
using IShowTts.Ops.Bench;
using IShowTts.Text;

namespace IShowTts.Ops.Tests.Bench;

public sealed class W1WorkloadTests
{
    [Fact]
    public void HasTheDocumentedSizes()
    {
        Assert.Equal(190, System.Text.Encoding.UTF8.GetByteCount(W1Workload.ReferenceText));
        Assert.Equal(79, System.Text.Encoding.UTF8.GetByteCount(W1Workload.GeneratedText));
        Assert.Equal(937, W1Workload.ReferenceFrames);
        Assert.Equal(1326, W1Workload.TotalFrames);
        Assert.Equal(269, W1Workload.TextIds(Vocabulary.Default).Length);
        Assert.Equal(4.149, W1Workload.GeneratedSeconds, 3);
    }

    [Fact]
    public void EveryCharacterIsInTheVocabulary() =>
        Assert.DoesNotContain(0, W1Workload.TextIds(Vocabulary.Default).Where((id, i) => (W1Workload.ReferenceText + W1Workload.GeneratedText)[i] != ' '));

    [Fact]
    public void ReferenceIsTenSecondsAtSpeechLoudness()
    {
        var wave = W1Workload.ReferenceWave();
        Assert.Equal(240_000, wave.Length);
        double rms = Math.Sqrt(wave.Average(v => (double)v * v));
        Assert.InRange(rms, 0.09, 0.11);
    }
}
