// Unit tests of Rules/DateRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class DateRuleTests
{
    [Theory]
    [InlineData("2024年3月5日", "二零二四年3月5日")]
    [InlineData("2024年度", "二零二四年度")]
    [InlineData("90年代", "九零年代")]
    [InlineData("00后", "零零后")]
    [InlineData("2000年前", "2000年前")]
    [InlineData("10年后", "10年后")]
    public void ChineseYearsReadDigitByDigitButCountedYearsDoNot(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new DateRule(), input));

    [Theory]
    [InlineData("2024-03-05", "en", "march fifth twenty twenty four")]
    [InlineData("2024-03-05", "zh", "二零二四年三月五日")]
    [InlineData("2008.8.8", "zh", "二零零八年八月八日")]
    [InlineData("3/5/2024", "en", "march fifth twenty twenty four")]
    [InlineData("15.01.2020", "en", "the fifteenth of january twenty twenty")]
    [InlineData("08-08-2008", "zh", "二零零八年八月八日")]
    [InlineData("2024/03", "en", "march twenty twenty four")]
    [InlineData("03/05", "zh", "三月五日")]
    public void NumericDatesReadInTheContextLanguage(string input, string hint, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new DateRule(), input, hint));

    [Theory]
    [InlineData("March 5th, 2024", "march fifth twenty twenty four")]
    [InlineData("jul 25 2012", "july twenty fifth twenty twelve")]
    [InlineData("Sept. 15", "september fifteenth")]
    [InlineData("25 july 2012", "the twenty fifth of july twenty twelve")]
    [InlineData("on the 26th May", "on the twenty sixth of may")]
    [InlineData("July 1876", "july eighteen seventy six")]
    [InlineData("1980s", "nineteen eighties")]
    [InlineData("'80s", "eighties")]
    public void EnglishMonthNamesAndDecadesFollowNemo(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new DateRule(), input));

    [Theory]
    [InlineData("2024-13-05")]
    [InlineData("10-12")]
    [InlineData("12.05")]
    [InlineData("May I ask")]
    [InlineData("2024")]
    public void WhatIsNoValidDateIsKept(string input) => Assert.Equal(input, RuleRunner.Apply(new DateRule(), input));
}
