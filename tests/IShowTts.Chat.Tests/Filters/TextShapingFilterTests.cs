// The filters that rewrite text: emote ranges (code points), cheermotes, repetition, word/char limits,
// whitespace; and the message that has nothing left is dropped with its reason.
using IShowTts.Chat.Filters;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Filters;

public sealed class TextShapingFilterTests
{
    [Fact]
    public void EmotesAreRemovedByCodePointRangesAfterAnEmoji()
    {
        var message = Messages.Chat("😂 Kappa hi 🎉 Kappa bye") with { Emotes = [new EmoteRange("25", 2, 6), new EmoteRange("25", 13, 17)] };
        Assert.Equal("😂 hi 🎉 bye", new FilterHarness().Run(message).Text);
    }

    [Fact]
    public void EmotesStayWhenStrippingIsOff()
    {
        var message = Messages.Chat("Kappa hi") with { Emotes = [new EmoteRange("25", 0, 4)] };
        Assert.Equal("Kappa hi", new FilterHarness(new FilterSettings { StripEmotes = false }).Run(message).Text);
    }

    [Fact]
    public void CheermotesAreRemovedFromCheers()
    {
        var message = Messages.Chat("Cheer100 great stream Kappa50") with { Bits = 150 };
        Assert.Equal("great stream", new FilterHarness().Run(message).Text);
    }

    [Fact]
    public void AMessageOfOnlyEmotesHasNothingToSay()
    {
        var message = Messages.Chat("Kappa Kappa") with { Emotes = [new EmoteRange("25", 0, 4), new EmoteRange("25", 6, 10)] };
        var result = new FilterHarness().Run(message);
        Assert.Equal(DropReason.EmptyAfterFiltering, result.Reason);
    }

    [Theory]
    [InlineData("wow!!!!!!!!", "wow!!!")]
    [InlineData("soooooooo good", "sooo good")]
    [InlineData("lolololololol", "lololol")]
    [InlineData("hahahahahaha", "hahaha")]
    [InlineData("spam spam spam spam spam spam", "spam spam spam")]
    [InlineData("GG gg Gg gG gg", "GG gg Gg")]
    [InlineData("😂😂😂😂😂😂", "😂😂😂")]
    [InlineData("one million is 1000000", "one million is 1000000")]
    [InlineData("banana mama coco", "banana mama coco")]
    public void RepetitionIsCollapsed(string text, string expected) => Assert.Equal(expected, new FilterHarness().Run(text).Text);

    [Fact]
    public void RepetitionLimitsAreSettings() =>
        Assert.Equal("wow! no no", new FilterHarness(new FilterSettings { MaxRepeatedChars = 1, MaxRepeatedWords = 2 }).Run("wow!!!! no no no").Text);

    [Fact]
    public void TheOriginalsLimitsAre77WordsAnd280Characters()
    {
        Assert.Equal((77, 280), (new FilterSettings().MaxWords, new FilterSettings().MaxChars));
        var words = string.Join(' ', Enumerable.Range(1, 100).Select(i => "w" + i));
        var byWords = new FilterHarness(new FilterSettings { MaxChars = 10_000 }).Run(words).Text;
        Assert.Equal(77, byWords.Split(' ').Length);

        var longWords = string.Join(' ', Enumerable.Repeat("abcdefghij", 40));
        var byChars = new FilterHarness().Run(longWords).Text;
        Assert.True(byChars.Length <= 280, $"{byChars.Length} characters");
        Assert.EndsWith("abcdefghij", byChars);
    }

    [Fact]
    public void TruncationNeverSplitsAnEmoji()
    {
        var limited = LengthLimiter.Limit("abcd😂", maxWords: 10, maxChars: 5);
        Assert.Equal("abcd", limited);
    }

    [Fact]
    public void WhitespaceAndControlCharactersAreNormalised() =>
        Assert.Equal("a b c", new FilterHarness().Run("  a \t b\u0001\r\n c  ").Text);
}
