// Long-text behaviours of the official code that the golden sets do not show: references over 22 s,
// whitespace-only text, fixed durations, the sampler clamp, and the errors for unusable input.
using IShowTts.Text.LongText;

namespace IShowTts.Text.Tests;

public sealed class LongTextTests
{
    [Fact]
    public void AReferenceWellOver22SecondsGivesANegativeBudgetSoEverySentenceIsAChunk()
    {
        var maxChars = Chunker.MaxChars("Hello there. ", 30.0, 1.0); // int(13 / 30 * -8) = -3
        Assert.True(maxChars < 0);
        Assert.Equal(["One.", "Two,", "three!", "四。", "五"], Chunker.Split("One. Two, three! 四。五", maxChars));
    }

    [Fact]
    public void WhitespaceOnlyTextGivesOneEmptyChunkAsTheOfficialCodeDoes()
    {
        Assert.Equal([""], Chunker.Split(" \t ", 100));
        Assert.Empty(Chunker.Split("", 100));
    }

    [Fact]
    public void AsciiPunctuationSplitsOnlyBeforePythonWhitespaceAndFullWidthAlways()
    {
        // re.split(r"(?<=[;:,.!?])\s+|(?<=[；：，。！？])", …) in Python, where \s includes U+001C and U+3000.
        Assert.Equal(["a.m.", "x,y\u3000好，", "“b!", "c。", ""], Chunker.Sentences("a.m. x,y\u3000好，“b!\u001C\u3000c。"));
    }

    [Fact]
    public void ReferenceCompletionFollowsPreprocessRefAudioText()
    {
        Assert.Equal("Hi. ", ReferenceText.Complete("Hi"));
        Assert.Equal("Hi. ", ReferenceText.Complete("Hi."));
        Assert.Equal("Hi. ", ReferenceText.Complete("Hi. "));
        Assert.Equal("你好。", ReferenceText.Complete("你好。"));
        Assert.Equal("你好. ", ReferenceText.Complete("你好"));
        Assert.Equal("Hi!. ", ReferenceText.Complete("Hi!"));
    }

    [Fact]
    public void TheFinalReferenceGainsASpaceOnlyAfterAOneByteCharacter()
    {
        Assert.Equal("Hi.  ", ReferenceText.Final("Hi. "));
        Assert.Equal("你好。", ReferenceText.Final("你好。"));
        Assert.Throws<ArgumentException>(() => ReferenceText.Final(""));
    }

    [Fact]
    public void ShortChunksUseSpeedPointThreeAndLongerOnesTheGivenSpeed()
    {
        Assert.Equal(0.3, Duration.LocalSpeed("Hi there", 1.0));  // 8 bytes
        Assert.Equal(0.3, Duration.LocalSpeed("你好吗", 1.0));     // 9 bytes
        Assert.Equal(1.2, Duration.LocalSpeed("你好吗？", 1.2));   // 12 bytes
        // 100 + int(100 / 20 * 8 / 0.3) = 100 + int(133.33…)
        Assert.Equal(233, Duration.Frames(100, new string('x', 20), "Hi there", 1.0));
    }

    [Fact]
    public void FixedDurationIsTotalFramesTruncated()
    {
        Assert.Equal(937, Duration.FixedFrames(10.0)); // 10 * 24000 / 256 = 937.5
        var plan = LongTextPlan.Create("Hello.", 4.0, 96000, "One. Two.", fixDurationSeconds: 10.0);
        Assert.All(plan.Chunks, c => Assert.Equal(937, c.DurationFrames));
    }

    [Fact]
    public void TheSamplerRaisesShortRequestsAndCapsLongOnes()
    {
        Assert.Equal(501, Duration.SamplerFrames(textTokens: 120, referenceMelFrames: 500, requestedFrames: 300));
        Assert.Equal(601, Duration.SamplerFrames(textTokens: 600, referenceMelFrames: 500, requestedFrames: 300));
        Assert.Equal(900, Duration.SamplerFrames(textTokens: 120, referenceMelFrames: 500, requestedFrames: 900));
        Assert.Equal(Duration.MaxFrames, Duration.SamplerFrames(120, 500, 100_000));
    }

    [Fact]
    public void AZeroLengthReferenceIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Chunker.MaxChars("Hi. ", 0.0, 1.0));
        Assert.Throws<ArgumentException>(() => Duration.Frames(100, "", "chunk", 1.0));
    }
}
