// Unit tests of Reading/ChineseNumbers: the WeTextProcessing-style readings every Chinese rule uses.
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Tests.Normalization;

public sealed class ChineseNumbersTests
{
    [Theory]
    [InlineData("0", "零")]
    [InlineData("10", "十")]
    [InlineData("11", "十一")]
    [InlineData("20", "二十")]
    [InlineData("110", "一百一十")]
    [InlineData("1001", "一千零一")]
    [InlineData("1010", "一千零一十")]
    [InlineData("1299", "一千两百九十九")]
    [InlineData("2000", "两千")]
    [InlineData("2200", "两千两百")]
    [InlineData("10000", "一万")]
    [InlineData("20000", "两万")]
    [InlineData("100000", "十万")]
    [InlineData("100001", "十万零一")]
    [InlineData("100100", "十万零一百")]
    [InlineData("220000", "二十二万")]
    [InlineData("3150000", "三百一十五万")]
    [InlineData("100000000", "一亿")]
    [InlineData("200000000", "两亿")]
    [InlineData("100000001", "一亿零一")]
    [InlineData("1000000000000", "一万亿")]
    public void CardinalFollowsWeTextProcessing(string digits, string expected) =>
        Assert.Equal(expected, ChineseNumbers.Cardinal(digits));

    [Theory]
    [InlineData("2", "二")]
    [InlineData("200", "二百")]
    [InlineData("1299", "一千二百九十九")]
    public void PlainNeverUsesLiang(string digits, string expected) => Assert.Equal(expected, ChineseNumbers.Plain(digits));

    [Theory]
    [InlineData("2", "两")]
    [InlineData("02", "两")]
    [InlineData("12", "十二")]
    [InlineData("22", "二十二")]
    [InlineData("200", "两百")]
    public void CountReadsALoneTwoAsLiang(string digits, string expected) => Assert.Equal(expected, ChineseNumbers.Count(digits));

    [Fact]
    public void DigitsReadsEachDigitWithLing() => Assert.Equal("二零二四", ChineseNumbers.Digits("2024"));

    [Theory]
    [InlineData("0.5", "零点五")]
    [InlineData("3.14", "三点一四")]
    [InlineData("6.42", "六点四二")]
    [InlineData("200.5", "两百点五")]
    public void DecimalReadsDian(string written, string expected) =>
        Assert.Equal(expected, ChineseNumbers.Decimal(NumberLiteral.Parse(written)));

    [Theory]
    [InlineData("1", "5", "五分之一")]
    [InlineData("3", "2", "二分之三")]
    [InlineData("1", "16", "十六分之一")]
    public void FractionReadsDenominatorFirst(string numerator, string denominator, string expected) =>
        Assert.Equal(expected, ChineseNumbers.Fraction(numerator, denominator));

    [Fact]
    public void CardinalBeyondWanYiReadsDigitByDigit() =>
        Assert.Equal("一二三四五六七八九零一二三四五六七", ChineseNumbers.Cardinal("12345678901234567"));
}
