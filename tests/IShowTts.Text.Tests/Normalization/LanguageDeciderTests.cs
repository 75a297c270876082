// Unit tests of Reading/LanguageDecider and the hint fallback in NormalizationContext.
using IShowTts.Text.Normalization;
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Tests.Normalization;

public sealed class LanguageDeciderTests
{
    [Theory]
    [InlineData("我花了1299元", "1299", "zh")]
    [InlineData("Season 2 is fire", "2", "en")]
    [InlineData("lol 666", "666", "en")]
    [InlineData("主播 666", "666", "zh")]
    [InlineData("666 主播", "666", "zh")]
    [InlineData("打了3局 games", "3", "zh")]
    [InlineData("I paid 5, 我很开心", "5", "en")]
    [InlineData("gg 2024年", "2024", "zh")]
    public void NearestLetterDecides(string text, string span, string expected)
    {
        int start = text.IndexOf(span, StringComparison.Ordinal);
        Assert.Equal(RuleRunner.Language(expected), LanguageDecider.FromContext(text, start, start + span.Length));
    }

    [Fact]
    public void ATieGoesToTheRight()
    {
        const string text = "like 3 个";
        Assert.Equal(SpanLanguage.Chinese, LanguageDecider.FromContext(text, 5, 6));
    }

    [Fact]
    public void NoLetterAnywhereIsUndecided() => Assert.Null(LanguageDecider.FromContext("666 50% 🔥", 0, 3));

    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("zh", "zh")]
    [InlineData("zh-CN", "zh")]
    [InlineData("EN-us", "en")]
    public void HintIsTheFallback(string? hint, string expected) =>
        Assert.Equal(RuleRunner.Language(expected), new NormalizationContext(new NormalizationOptions { LanguageHint = hint }).Fallback);

    [Fact]
    public void LettersWinOverTheHint() =>
        Assert.Equal(SpanLanguage.English, new NormalizationContext(new NormalizationOptions { LanguageHint = "zh" }).LanguageAt("lol 666", 4, 3));
}
