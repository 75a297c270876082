// Unit tests of Rules/OrdinalRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class OrdinalRuleTests
{
    [Theory]
    [InlineData("1st", "first")]
    [InlineData("2nd", "second")]
    [InlineData("23rd", "twenty third")]
    [InlineData("11th", "eleventh")]
    [InlineData("1,000th", "one thousandth")]
    [InlineData("1th", "1th")]
    [InlineData("11st", "11st")]
    public void EnglishOrdinalsNeedTheRightSuffix(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new OrdinalRule(), input));

    [Theory]
    [InlineData("第1名", "第一名")]
    [InlineData("第2名", "第二名")]
    [InlineData("第21届", "第二十一届")]
    [InlineData("第3-5名", "第三到第五名")]
    [InlineData("我拿了1st", "我拿了第一")]
    public void ChineseOrdinalsReadDiWithoutLiang(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new OrdinalRule(), input));
}
