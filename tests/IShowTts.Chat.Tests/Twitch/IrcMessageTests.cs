// IRC line parsing and IRCv3 tag escaping as the message-tags specification defines them.
using IShowTts.Chat.Twitch;

namespace IShowTts.Chat.Tests.Twitch;

public sealed class IrcMessageTests
{
    [Theory]
    [InlineData(@"a\sb", "a b")]
    [InlineData(@"semi\:colon", "semi;colon")]
    [InlineData(@"back\\slash", @"back\slash")]
    [InlineData(@"cr\rlf\n", "cr\rlf\n")]
    [InlineData(@"unknown\x", "unknownx")]
    [InlineData(@"trailing\", "trailing")]
    [InlineData(@"\\s", @"\s")]
    public void TagValuesAreUnescaped(string raw, string expected) => Assert.Equal(expected, IrcTags.Unescape(raw));

    [Fact]
    public void EscapingAndUnescapingAreInverse()
    {
        const string text = "a;b c\\d\r\ne";
        Assert.Equal(text, IrcTags.Unescape(IrcTags.Escape(text)));
    }

    [Fact]
    public void ATaggedPrivmsgSplitsIntoTagsPrefixCommandAndParameters()
    {
        var line = IrcMessage.Parse(@"@badge-info=;badges=broadcaster/1;display-name=Ronni\sR;emotes=;flag;id=abc :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #ronni :Hello :) world");

        Assert.Equal("PRIVMSG", line.Command);
        Assert.Equal("ronni", line.Nick);
        Assert.Equal(["#ronni", "Hello :) world"], line.Parameters);
        Assert.Equal("Ronni R", line.Tag("display-name"));
        Assert.Equal("broadcaster/1", line.Tag("badges"));
        Assert.Null(line.Tag("emotes"));
        Assert.True(line.Tags.ContainsKey("flag"));
    }

    [Fact]
    public void LinesWithoutPrefixOrTrailingParse()
    {
        Assert.Equal(["tmi.twitch.tv"], IrcMessage.Parse("PING :tmi.twitch.tv").Parameters);
        var join = IrcMessage.Parse(":nick!u@h JOIN #chan");
        Assert.Equal(("JOIN", "#chan"), (join.Command, join.Parameter(0)));
        Assert.Equal("001", IrcMessage.Parse(":tmi.twitch.tv 001 justinfan1 :Welcome, GLHF!\r\n").Command);
    }

    [Fact]
    public void FormatPutsATrailingColonOnlyWhereNeeded()
    {
        Assert.Equal("PONG :tmi.twitch.tv x", IrcMessage.Format("PONG", "tmi.twitch.tv x"));
        Assert.Equal("PONG tmi.twitch.tv", IrcMessage.Format("PONG", "tmi.twitch.tv"));
        Assert.Equal("PRIVMSG #c :", IrcMessage.Format("PRIVMSG", "#c", ""));
    }
}
