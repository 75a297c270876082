// Unit tests of Rules/NumberPairRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class NumberPairRuleTests
{
    [Theory]
    [InlineData("127.0.0.1", "en", "one two seven dot zero dot zero dot one")]
    [InlineData("127.0.0.1", "zh", "一二七点零点零点一")]
    [InlineData("010-64035547", "zh", "零一零六四零三五五四七")]
    [InlineData("555-1234", "en", "five five five one two three four")]
    [InlineData("1-800-555-0199", "en", "one eight zero zero five five five zero one nine nine")]
    [InlineData("2-3", "en", "two to three")]
    [InlineData("2~3", "zh", "二到三")]
    [InlineData("2-3个", "zh", "两到三个")]
    [InlineData("2+2", "en", "two plus two")]
    [InlineData("3:2", "en", "three to two")]
    [InlineData("78:96", "zh", "七十八比九十六")]
    [InlineData("1/2", "en", "one half")]
    [InlineData("2/3", "en", "two thirds")]
    [InlineData("12/25", "en", "december twenty fifth")]
    [InlineData("1/5", "zh", "五分之一")]
    [InlineData("12/25", "zh", "二十五分之十二")]
    public void PairsReadAsDigitsRangesScoresOrFractions(string input, string hint, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new NumberPairRule(), input, hint));

    [Theory]
    [InlineData("5/0")]
    [InlineData("5/1")]
    [InlineData("COVID-19")]
    [InlineData("1234/5678")]
    public void PairsWithoutAReadingAreKept(string input) => Assert.Equal(input, RuleRunner.Apply(new NumberPairRule(), input));
}
