// Unit tests of Rules/CardinalRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class CardinalRuleTests
{
    [Theory]
    [InlineData("1,299", "one thousand two hundred ninety nine")]
    [InlineData("13,000", "thirteen thousand")]
    [InlineData("123", "one hundred twenty three")]
    [InlineData("2024", "twenty twenty four")]
    [InlineData("2,024", "two thousand twenty four")]
    [InlineData("1500", "one thousand five hundred")]
    [InlineData("004", "zero zero four")]
    [InlineData("-2", "minus two")]
    [InlineData("3.14", "three point one four")]
    [InlineData("#1 fan", "number one fan")]
    [InlineData("Season2", "Season two")]
    [InlineData("COVID-19", "COVID-nineteen")]
    [InlineData("card ending in 8876", "card ending in eight eight seven six")]
    public void EnglishNumbersFollowNemo(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new CardinalRule(), input));

    [Theory]
    [InlineData("1299", "一千两百九十九")]
    [InlineData("2024", "两千零二十四")]
    [InlineData("共465篇", "共四百六十五篇")]
    [InlineData("2个", "两个")]
    [InlineData("2月", "二月")]
    [InlineData("2号", "二号")]
    [InlineData("0.5", "零点五")]
    [InlineData("10.00元", "十元")]
    [InlineData("-2", "负二")]
    [InlineData("+1", "加一")]
    [InlineData("13501234567", "一三五零一二三四五六七")]
    [InlineData("尾号是3385", "尾号是三三八五")]
    [InlineData("#1", "一号")]
    public void ChineseNumbersFollowWeTextProcessing(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new CardinalRule(), input, "zh"));
}
