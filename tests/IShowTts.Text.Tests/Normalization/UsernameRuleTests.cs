// Unit tests of Rules/UsernameRule.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class UsernameRuleTests
{
    [Theory]
    [InlineData("@user_name123 thanks!", "user name one two three thanks!")]
    [InlineData("@CoolGamer99 hi", "Cool Gamer nine nine hi")]
    [InlineData("@XMLParser", "XML Parser")]
    [InlineData("xX_Sniper_Xx is here", "x X Sniper Xx is here")]
    [InlineData("@小明 你好", "小明 你好")]
    [InlineData("@小明2号", "小明二号")]
    public void NamesSplitIntoWordsWithDigitsOneByOne(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new UsernameRule(), input));

    [Theory]
    [InlineData("me@example.com")]
    [InlineData("snake case is fine")]
    [InlineData("version_")]
    public void TextThatIsNoUsernameIsKept(string input) => Assert.Equal(input, RuleRunner.Apply(new UsernameRule(), input));
}
