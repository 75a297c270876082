// Unit tests of Rules/FullwidthRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class FullwidthRuleTests
{
    [Theory]
    [InlineData("２０２４年", "2024年")]
    [InlineData("ＩＰＨＯＮＥ", "IPHONE")]
    [InlineData("涨了５０％", "涨了50%")]
    [InlineData("１２：３０开播", "12:30开播")]
    [InlineData("３．１４", "3.14")]
    public void FullWidthDigitsLettersAndSignsBecomeAscii(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new FullwidthRule(), input));

    [Theory]
    [InlineData("你好：世界")]
    [InlineData("他说：“好的”。")]
    public void ChinesePunctuationOutsideNumbersIsKept(string input) =>
        Assert.Equal(input, RuleRunner.Apply(new FullwidthRule(), input));
}
