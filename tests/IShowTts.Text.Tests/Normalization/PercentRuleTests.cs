// Unit tests of Rules/PercentRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class PercentRuleTests
{
    [Theory]
    [InlineData("50%", "en", "fifty percent")]
    [InlineData("6.3 %", "en", "six point three percent")]
    [InlineData("10-20%", "en", "ten to twenty percent")]
    [InlineData("-5%", "en", "minus five percent")]
    [InlineData("3‰", "en", "three per mille")]
    [InlineData("50%", "zh", "百分之五十")]
    [InlineData("0.4%", "zh", "百分之零点四")]
    [InlineData("10%~20%", "zh", "百分之十到百分之二十")]
    [InlineData("-5%", "zh", "负百分之五")]
    [InlineData("200%", "zh", "百分之两百")]
    [InlineData("3‰", "zh", "千分之三")]
    public void PercentagesReadInTheContextLanguage(string input, string hint, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new PercentRule(), input, hint));

    [Fact]
    public void APercentSignWithoutANumberIsKept() => Assert.Equal("a % b", RuleRunner.Apply(new PercentRule(), "a % b"));
}
