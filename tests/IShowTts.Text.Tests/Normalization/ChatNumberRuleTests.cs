// Unit tests of Rules/ChatNumberRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class ChatNumberRuleTests
{
    [Theory]
    [InlineData("666", "en", "six six six")]
    [InlineData("lol 8888", "en", "lol eight eight eight eight")]
    [InlineData("2333", "en", "two three three three")]
    [InlineData("666", "zh", "六六六")]
    [InlineData("主播666", "zh", "主播六六六")]
    [InlineData("233333", "zh", "二三三三三三")]
    [InlineData("520", "zh", "五二零")]
    [InlineData("1314", "zh", "一三一四")]
    [InlineData("886", "zh", "八八六")]
    [InlineData("5555", "zh", "呜呜呜呜")]
    public void ChatDigitStringsReadDigitByDigit(string input, string hint, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new ChatNumberRule(), input, hint));

    [Theory]
    [InlineData("520", "en")]
    [InlineData("1314", "en")]
    [InlineData("666个", "zh")]
    [InlineData("666人在线", "zh")]
    [InlineData("666k", "en")]
    [InlineData("$666", "en")]
    [InlineData("666.5", "en")]
    [InlineData("1,666", "en")]
    [InlineData("123", "en")]
    [InlineData("2024", "zh")]
    public void QuantitiesAndOrdinaryNumbersAreKept(string input, string hint) =>
        Assert.Equal(input, RuleRunner.Apply(new ChatNumberRule(), input, hint));
}
