// Unit tests of Rules/TimeRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class TimeRuleTests
{
    [Theory]
    [InlineData("3:45pm", "three forty five p m")]
    [InlineData("3:45 p.m.", "three forty five p m")]
    [InlineData("3:05", "three oh five")]
    [InlineData("01:00", "one o'clock")]
    [InlineData("1:00 a.m.", "one a m")]
    [InlineData("5pm", "five p m")]
    [InlineData("14:10:30", "fourteen hours ten minutes and thirty seconds")]
    [InlineData("1:01:01", "one hour one minute and one second")]
    public void EnglishTimesFollowNemo(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new TimeRule(), input));

    [Theory]
    [InlineData("3:45", "三点四十五分")]
    [InlineData("2:02", "两点零二分")]
    [InlineData("11:00", "十一点")]
    [InlineData("22：58", "二十二点五十八分")]
    [InlineData("13:10:36", "十三点十分三十六秒")]
    [InlineData("1:02:36am", "上午一点零二分三十六秒")]
    [InlineData("3pm", "下午三点")]
    public void ChineseTimesFollowWeTextProcessing(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new TimeRule(), input.Replace('：', ':'), "zh"));

    [Theory]
    [InlineData("3:2")]
    [InlineData("78:96")]
    [InlineData("25:30")]
    [InlineData("13pm")]
    [InlineData("I am here")]
    public void WhatIsNoClockTimeIsKept(string input) => Assert.Equal(input, RuleRunner.Apply(new TimeRule(), input));
}
