// Unit tests of Rules/UrlEmailRule and Reading/AddressReader.
using IShowTts.Text.Normalization;
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class UrlEmailRuleTests
{
    [Theory]
    [InlineData("https://twitch.tv/foo", "twitch dot TV slash foo")]
    [InlineData("go to twitch.tv/foo.", "go to twitch dot TV slash foo.")]
    [InlineData("www.ourdailynews.com/123-sm", "ourdailynews dot com slash one two three dash sm")]
    [InlineData("http://example.com/a_b?x=1#top", "example dot com slash a underscore b")]
    [InlineData("nvidia.com", "nvidia dot com")]
    [InlineData("a.bc@gmail.com", "a dot bc at gmail dot com")]
    [InlineData("asdf123@abc.com", "asdf one two three at abc dot com")]
    public void EnglishContextSpeaksNemoWords(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new UrlEmailRule(), input));

    [Theory]
    [InlineData("看https://b23.tv/abc", "看 b 二三点 TV 斜杠 abc")]
    [InlineData("邮箱abc@qq.com", "邮箱 abc 艾特 qq 点 com")]
    public void ChineseContextSpeaksChineseWords(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new UrlEmailRule(), input));

    [Theory]
    [InlineData("check this https://twitch.tv/foo out", "check this  out")]
    [InlineData("mail me at me@example.com", "mail me at ")]
    [InlineData("看https://b23.tv/abc好看", "看好看")]
    public void DropModeRemovesTheAddress(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new UrlEmailRule(), input, new NormalizationOptions { UrlMode = UrlMode.Drop }));

    [Theory]
    [InlineData("e.g. this")]
    [InlineData("version 1.2.3")]
    [InlineData("@user_name hello")]
    [InlineData("3.5 stars")]
    public void TextThatIsNoAddressIsKept(string input) => Assert.Equal(input, RuleRunner.Apply(new UrlEmailRule(), input));
}
