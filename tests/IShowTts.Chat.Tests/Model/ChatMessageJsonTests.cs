// The message JSON is the original's /api/danmaku/enqueue body: these bodies must read, and what we
// write must carry the same keys and values (new fields only added).
using System.Text.Json;
using System.Text.Json.Nodes;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Tests.Model;

public sealed class ChatMessageJsonTests
{
    private const string OriginalBody = """
        {"id": "6f1c1c5e-8d4b-4a53-9d0e-3f5d2b7a9c10", "platform": "Twitch", "channel": "somestreamer",
         "user_id": null, "username": "bot", "priority": "Gift", "content": {"Text": "thanks for the subs"},
         "metadata": {"source": "test"}, "timestamp": "2024-05-01T12:34:56.789Z"}
        """;

    [Fact]
    public void TheOriginalsEnqueueBodyReadsIntoEveryField()
    {
        var message = ChatJson.ParseMessage(OriginalBody);

        Assert.Equal(Guid.Parse("6f1c1c5e-8d4b-4a53-9d0e-3f5d2b7a9c10"), message.Id);
        Assert.Equal(ChatPlatform.Twitch, message.Platform);
        Assert.Equal("somestreamer", message.Channel);
        Assert.Null(message.UserId);
        Assert.Equal("bot", message.Username);
        Assert.Equal(ChatPriority.Gift, message.Priority);
        Assert.Equal(ChatContent.Text("thanks for the subs"), message.Content);
        Assert.Equal("test", message.Metadata!.Value.GetProperty("source").GetString());
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void WritingKeepsTheOriginalsKeysAndValueShapes()
    {
        var written = JsonNode.Parse(ChatJson.Serialize(ChatJson.ParseMessage(OriginalBody)))!.AsObject();

        Assert.Equal("6f1c1c5e-8d4b-4a53-9d0e-3f5d2b7a9c10", (string?)written["id"]);
        Assert.Equal("Twitch", (string?)written["platform"]);
        Assert.Equal("somestreamer", (string?)written["channel"]);
        Assert.Equal("bot", (string?)written["username"]);
        Assert.Equal("Gift", (string?)written["priority"]);
        Assert.Equal("thanks for the subs", (string?)written["content"]!["Text"]);
        Assert.Equal("test", (string?)written["metadata"]!["source"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero), DateTimeOffset.Parse((string)written["timestamp"]!));
    }

    [Fact]
    public void SystemContentAndYouTubeRoundTrip()
    {
        var message = Internal.Messages.Chat("x", platform: ChatPlatform.YouTube) with { Content = ChatContent.System("Alice became a member") };
        var json = JsonSerializer.Serialize(message);

        Assert.Contains("\"content\":{\"System\":\"Alice became a member\"}", json);
        Assert.Contains("\"platform\":\"YouTube\"", json);
        Assert.Equal(message.Content, ChatJson.ParseMessage(json).Content);
    }

    [Fact]
    public void ABareStringContentReadsAsTextAndMissingIdAndTimeAreFilledLater()
    {
        var message = ChatJson.ParseMessage("""{"platform": "Twitch", "channel": "c", "username": "u", "priority": "Normal", "content": "hi"}""");

        Assert.Equal(ChatContent.Text("hi"), message.Content);
        Assert.NotEqual(Guid.Empty, message.Id);
        Assert.Equal(default, message.Timestamp);
    }

    [Fact]
    public void AnUnknownContentKindIsAnErrorThatNamesIt()
    {
        var error = Assert.Throws<JsonException>(() => ChatJson.ParseMessage(
            """{"platform": "Twitch", "channel": "c", "username": "u", "priority": "Normal", "content": {"Voice": "x"}}"""));
        Assert.Contains("Voice", error.Message);
    }

    [Fact]
    public void TheOriginalsMetadataColourBitsBadgesAndFirstMessageAreRead()
    {
        var message = ChatJson.ParseMessage("""
            {"platform": "Twitch", "channel": "c", "username": "u", "priority": "Paid", "content": {"Text": "hi"},
             "metadata": {"badges": ["subscriber/1", "moderator/1"], "bits": 100, "color": "#1E90FF", "emotes": [], "first_msg": true}}
            """);

        Assert.Equal(("#1E90FF", 100, true), (message.Color, message.Bits, message.FirstMessage));
        Assert.Equal(["subscriber/1", "moderator/1"], message.Badges);
        Assert.Equal(ChatRoles.Subscriber | ChatRoles.Moderator, message.Roles);
    }

    [Fact]
    public void OurTopLevelFactsWinOverTheMetadata()
    {
        var message = ChatJson.ParseMessage("""
            {"platform": "Twitch", "channel": "c", "username": "u", "priority": "Normal", "content": {"Text": "hi"},
             "color": "#00FF00", "bits": 5, "metadata": {"color": "#FF0000", "bits": "lots"}}
            """);

        Assert.Equal(("#00FF00", 5), (message.Color, message.Bits));
    }
}
