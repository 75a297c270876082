// Unit tests of Rules/MeasureRule and Tables/Units.
using IShowTts.Text.Normalization.Rules;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Tests.Normalization;

public sealed class MeasureRuleTests
{
    [Theory]
    [InlineData("12kg", "twelve kilograms")]
    [InlineData("12KG", "twelve kilograms")]
    [InlineData("1 km", "one kilometer")]
    [InlineData("3 mbps", "three megabits per second")]
    [InlineData("2°C", "two degrees Celsius")]
    [InlineData("1°C", "one degree Celsius")]
    [InlineData("5 mins", "five minutes")]
    [InlineData("2 hrs", "two hours")]
    [InlineData("10km/h", "ten kilometers per hour")]
    [InlineData("2-3 mins", "two to three minutes")]
    [InlineData("30s", "thirty seconds")]
    [InlineData("120m²", "one hundred twenty square meters")]
    [InlineData("10k", "ten thousand")]
    [InlineData("1.5k", "one point five thousand")]
    [InlineData("2M", "two million")]
    [InlineData("1080p", "ten eighty p")]
    [InlineData("4K", "four K")]
    public void EnglishMeasuresFollowNemo(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new MeasureRule(), input));

    [Theory]
    [InlineData("1kg", "一千克")]
    [InlineData("2kg", "两千克")]
    [InlineData("25kg", "二十五千克")]
    [InlineData("38°C", "三十八摄氏度")]
    [InlineData("120m²", "一百二十平方米")]
    [InlineData("10ms", "十毫秒")]
    [InlineData("10km/h", "每小时十公里")]
    [InlineData("2-3km", "两到三公里")]
    [InlineData("10k", "一万")]
    [InlineData("1.5k", "一千五百")]
    [InlineData("10w", "十万")]
    [InlineData("2w", "两万")]
    [InlineData("1080p", "一零八零P")]
    public void ChineseMeasuresFollowWeTextProcessing(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new MeasureRule(), input, "zh"));

    [Theory]
    [InlineData("5 m")]
    [InlineData("1st")]
    [InlineData("10 seconds")]
    [InlineData("5G")]
    [InlineData("mp3")]
    public void AmbiguousOrNonUnitsAreKept(string input) => Assert.Equal(input, RuleRunner.Apply(new MeasureRule(), input));

    [Fact]
    public void EverySymbolIsListedOnce() =>
        Assert.Equal(Units.All.Count, Units.All.Select(u => u.Symbol).Distinct(StringComparer.Ordinal).Count());
}
