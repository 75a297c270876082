// Banned keywords are found through case, look-alike letters (Cyrillic, Greek, accents, full-width,
// mathematical), leetspeak, invisible characters, stretching and spelling out; but a Latin keyword
// must start a word, so harmless words that contain it pass.
using IShowTts.Chat.Filters;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Tests.Filters;

public sealed class BannedWordFilterTests
{
    private static readonly string[] Keywords = ["banned", "idiot", "ass", "bad word", "傻瓜"];

    [Theory]
    [InlineData("this is BANNED")]
    [InlineData("b\u0430nn\u0435d by cyrillic")]          // Cyrillic а, е
    [InlineData("ΒΑΝΝΕD by greek capitals")]              // Greek Β Α Ν Ν Ε
    [InlineData("b4nn3d leet")]
    [InlineData("you 1d10t")]
    [InlineData("you are an @$$")]
    [InlineData("ban\u200Bned with a zero-width space")]
    [InlineData("ba\u0301nned with a combining accent")]
    [InlineData("bännéd accented")]
    [InlineData("ｂａｎｎｅｄ full width")]
    [InlineData("𝐛𝐚𝐧𝐧𝐞𝐝 mathematical bold")]
    [InlineData("b a n n e d spaced out")]
    [InlineData("b.a.n.n.e.d dotted")]
    [InlineData("so B-A-N-N-E-D")]
    [InlineData("baaaannnnned stretched")]
    [InlineData("IDIOTS plural")]
    [InlineData("that bad   word")]
    [InlineData("你是傻瓜吗")]
    public void DisguisedBannedWordsAreCaught(string text)
    {
        var result = new FilterHarness(new FilterSettings { BannedKeywords = Keywords }).Run(text);
        Assert.Equal(DropReason.BannedKeyword, result.Reason);
    }

    [Theory]
    [InlineData("what a classic class")]
    [InlineData("this is hit or miss")]
    [InlineData("I am a fan of bananas")]
    [InlineData("passing grade")]
    public void HarmlessWordsContainingAKeywordPass(string text) =>
        Assert.True(new FilterHarness(new FilterSettings { BannedKeywords = Keywords }).Run(text).Accepted);

    [Fact]
    public void KeywordsWrittenInDisguiseMatchPlainText() =>
        Assert.True(BannedWordFilter.Matches("you idiot", ["1D10T"]));

    [Fact]
    public void AnEmptyListBansNothing() => Assert.True(new FilterHarness().Run("banned idiot").Accepted);
}
