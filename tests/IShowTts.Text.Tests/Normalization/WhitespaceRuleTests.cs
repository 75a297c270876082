// Unit tests of Rules/WhitespaceRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class WhitespaceRuleTests
{
    [Theory]
    [InlineData("  check this  out ", "check this out")]
    [InlineData("fire , fire !", "fire, fire!")]
    [InlineData("好 。", "好。")]
    [InlineData("line one\nline two", "line one\nline two")]
    public void SpacesAreTidied(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new WhitespaceRule(), input));
}
