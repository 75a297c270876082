// Links are dropped unless allowed; chat commands are ignored; both say why.
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Tests.Filters;

public sealed class LinkAndCommandFilterTests
{
    [Theory]
    [InlineData("check https://spam.example/x now")]
    [InlineData("free stuff at www.example.org")]
    [InlineData("go to bit.ly/abc123")]
    [InlineData("my site is example.com")]
    [InlineData("ftp://files.example/x")]
    public void MessagesWithLinksAreDropped(string text)
    {
        var result = new FilterHarness().Run(text);
        Assert.Equal(DropReason.LinkNotAllowed, result.Reason);
    }

    [Theory]
    [InlineData("pi is 3.14 roughly")]
    [InlineData("the end. Next time")]
    [InlineData("e.g. this one")]
    public void TextThatOnlyLooksDottedIsNotALink(string text) => Assert.True(new FilterHarness().Run(text).Accepted);

    [Fact]
    public void LinksPassWhenAllowed()
    {
        var result = new FilterHarness(new FilterSettings { AllowLinks = true }).Run("see https://example.com/page");
        Assert.True(result.Accepted);
        Assert.Equal("see https://example.com/page", result.Text);
    }

    [Theory]
    [InlineData("!uptime")]
    [InlineData("  !sr never gonna give you up")]
    public void ChatCommandsAreIgnored(string text)
    {
        var result = new FilterHarness().Run(text);
        Assert.Equal(DropReason.CommandIgnored, result.Reason);
        Assert.StartsWith("!", result.Detail);
    }

    [Fact]
    public void CommandsAreReadWhenIgnoringIsOffAndOtherPrefixesCanBeSet()
    {
        Assert.True(new FilterHarness(new FilterSettings { IgnoreCommands = false }).Run("!uptime").Accepted);
        Assert.Equal(DropReason.CommandIgnored, new FilterHarness(new FilterSettings { CommandPrefixes = "!?" }).Run("?help").Reason);
    }
}
