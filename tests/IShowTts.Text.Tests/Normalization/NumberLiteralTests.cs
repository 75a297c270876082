// Unit tests of Reading/NumberLiteral: exact parsing and scaling of written numbers.
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Tests.Normalization;

public sealed class NumberLiteralTests
{
    [Fact]
    public void ParseDropsGroupingCommasAndSplitsTheFraction()
    {
        var n = NumberLiteral.Parse("1,299.50");
        Assert.Equal("1299", n.IntegerDigits);
        Assert.Equal("50", n.FractionDigits);
    }

    [Fact]
    public void TrimFractionZerosKeepsTheValue()
    {
        var trimmed = NumberLiteral.Parse("3.50").TrimFractionZeros();
        Assert.Equal(("3", "5"), (trimmed.IntegerDigits, trimmed.FractionDigits));
        Assert.True(NumberLiteral.Parse("10.00").TrimFractionZeros().IsInteger);
    }

    [Theory]
    [InlineData("1.5", 3, "1500", "")]
    [InlineData("2.5", 6, "2500000", "")]
    [InlineData("1.2345", 3, "1234", "5")]
    [InlineData("10", 4, "100000", "")]
    public void ScaleMovesTheDecimalPointExactly(string written, int places, string integer, string fraction)
    {
        var scaled = NumberLiteral.Parse(written).Scale(places);
        Assert.Equal(integer, scaled.IntegerDigits);
        Assert.Equal(fraction, scaled.FractionDigits);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("01", true)]
    [InlineData("1.0", false)]
    [InlineData("11", false)]
    public void IsOneMeansExactlyTheIntegerOne(string written, bool expected) => Assert.Equal(expected, NumberLiteral.Parse(written).IsOne);
}
