// Unit tests of Rules/EmojiRule, Reading/EmojiScanner and Tables/EmojiNames.
using IShowTts.Text.Normalization;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Rules;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Tests.Normalization;

public sealed class EmojiRuleTests
{
    [Theory]
    [InlineData("Season 2 is 🔥🔥", "Season 2 is fire")]
    [InlineData("😂 😂 😂", "laughing")]
    [InlineData("😂👍", "laughing thumbs up")]
    [InlineData("❤️ you", "heart you")]
    [InlineData("👍🏽 nice", "thumbs up nice")]
    [InlineData("太强了🔥🔥", "太强了火")]
    [InlineData("🦩 wow", " wow")]
    [InlineData("🇺🇸 USA", " USA")]
    public void NameModeNamesKnownEmojiInContextAndDropsTheRest(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new EmojiRule(), input));

    [Fact]
    public void AZeroWidthJoinedSequenceFallsBackToItsFirstPart() =>
        Assert.Equal("heart", RuleRunner.Apply(new EmojiRule(), "❤️‍🔥"));

    [Fact]
    public void DropModeRemovesEveryEmoji() =>
        Assert.Equal("gg  ", RuleRunner.Apply(new EmojiRule(), "gg 🔥 😂", new NormalizationOptions { EmojiMode = EmojiMode.Drop }));

    [Fact]
    public void AKeycapKeepsItsDigit() => Assert.Equal("1 place", RuleRunner.Apply(new EmojiRule(), "1️⃣ place"));

    [Fact]
    public void ScannerFindsWholeSequences()
    {
        var found = EmojiScanner.Find("a👨‍👩‍👧b🔥🏻c🇨🇳");
        Assert.Equal(3, found.Count);
        Assert.Equal("👨\u200D👩\u200D👧", found[0].Key);
        Assert.Equal("🔥", found[1].Key);
        Assert.Equal("🇨🇳".Length, found[2].Length);
    }

    [Fact]
    public void TheTableNamesAboutFiftyCommonEmoji() => Assert.InRange(EmojiNames.Count, 50, 120);

    [Theory]
    [InlineData("© 2024 ® ™")]
    [InlineData("你好！")]
    public void SymbolsThatAreNotEmojiAreKept(string input) => Assert.Equal(input, RuleRunner.Apply(new EmojiRule(), input));
}
