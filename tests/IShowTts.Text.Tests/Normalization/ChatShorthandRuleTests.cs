// Unit tests of Rules/ChatShorthandRule and Tables/ChatShorthands.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class ChatShorthandRuleTests
{
    [Theory]
    [InlineData("gg", "good game")]
    [InlineData("GG WP", "good game well played")]
    [InlineData("brb", "be right back")]
    [InlineData("idk tbh", "I don't know to be honest")]
    [InlineData("24/7 stream", "twenty four seven stream")]
    [InlineData("me & you", "me and you")]
    [InlineData("hhhhh", "ha ha ha")]
    [InlineData("RNG vs EDG", "RNG versus EDG")]
    public void EnglishShorthandExpands(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new ChatShorthandRule(), input));

    [Theory]
    [InlineData("主播yyds", "主播永远的神")]
    [InlineData("xswl", "笑死我了")]
    [InlineData("u1s1这波操作", "有一说一这波操作")]
    [InlineData("hhhh好好笑", "哈哈哈好好笑")]
    [InlineData("今天gg了", "今天 good game 了")]
    [InlineData("24/7直播", "全天候直播")]
    public void PinyinShorthandReadsChinese(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new ChatShorthandRule(), input));

    [Theory]
    [InlineData("eggs and egg")]
    [InlineData("lol lmao")]
    [InlineData("ugh")]
    [InlineData("a&b")]
    public void WordsThatOnlyContainShorthandAreKept(string input) =>
        Assert.Equal(input, RuleRunner.Apply(new ChatShorthandRule(), input));
}
