// Tests of the public entry point: options, errors a caller can hit, and the pipeline's shape.
using IShowTts.Text.Normalization;

namespace IShowTts.Text.Tests.Normalization;

public sealed class TextNormalizerTests
{
    [Fact]
    public void DisabledReturnsTheTextUnchanged()
    {
        const string text = "gg 2024 🔥 https://twitch.tv/foo";
        Assert.Same(text, TextNormalizer.Normalize(text, new NormalizationOptions { Enabled = false }));
    }

    [Fact]
    public void DefaultsSpeakUrlsAndNameEmoji()
    {
        var defaults = new NormalizationOptions();
        Assert.True(defaults.Enabled);
        Assert.Equal(UrlMode.Speak, defaults.UrlMode);
        Assert.Equal(EmojiMode.Name, defaults.EmojiMode);
        Assert.Null(defaults.LanguageHint);
        Assert.Equal("fire", TextNormalizer.Normalize("🔥"));
    }

    [Fact]
    public void AnUnsupportedHintIsRejectedWithItsValue()
    {
        var error = Assert.Throws<ArgumentException>(() => TextNormalizer.Normalize("666", new NormalizationOptions { LanguageHint = "fr" }));
        Assert.Contains("'fr'", error.Message, StringComparison.Ordinal);
        Assert.Contains("zh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullTextIsAnArgumentError() => Assert.Throws<ArgumentNullException>(() => TextNormalizer.Normalize(null!));

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("你好，世界！")]
    [InlineData("Kappa PogChamp")]
    public void TextWithNothingToReadIsUnchanged(string text) => Assert.Equal(text, TextNormalizer.Normalize(text));

    [Fact]
    public void EveryRuleRunsOnceInTheDocumentedOrder()
    {
        var names = NormalizationPipeline.Rules.Select(r => r.GetType().Name).ToArray();
        Assert.Equal(
        [
            "FullwidthRule", "UrlEmailRule", "EmojiRule", "UsernameRule", "ChatShorthandRule", "DateRule", "TimeRule",
            "MoneyRule", "PercentRule", "MeasureRule", "OrdinalRule", "ChatNumberRule", "NumberPairRule", "CardinalRule",
            "WhitespaceRule",
        ], names);
    }

    [Fact]
    public void NormalizingTwiceChangesNothingMore()
    {
        foreach (var c in CaseTable.All.Where(c => c.Options.Enabled))
        {
            var once = TextNormalizer.Normalize(c.Input, c.Options);
            Assert.True(once == TextNormalizer.Normalize(once, c.Options), $"{c.Id}: a second pass changed '{once}'.");
        }
    }

    [Fact]
    public void RandomChatNoiseNeverThrows()
    {
        string[] atoms =
        [
            "1", "2", "0", "9", ",", ".", ":", "-", "/", "%", "$", "¥", "k", "m", "s", "@", "_", "#", "+", " ", "年", "月", "个",
            "第", "a", "B", "pm", "🔥", "\uFE0F", "\u200D", "😂", "http://", "www.", ".com", "gg", "yyds", "h", "°C", "2024", "666",
            "\n", "：", "１",
        ];
        var random = new Random(20240305);
        var zh = new NormalizationOptions { LanguageHint = "zh", UrlMode = UrlMode.Drop, EmojiMode = EmojiMode.Drop };
        for (int i = 0; i < 5000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => atoms[random.Next(atoms.Length)]));
            var error = Record.Exception(() => { TextNormalizer.Normalize(text); TextNormalizer.Normalize(text, zh); });
            Assert.True(error is null, $"'{text}' threw {error}");
        }
    }
}
