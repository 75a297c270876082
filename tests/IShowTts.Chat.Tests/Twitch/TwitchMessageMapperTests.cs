// Twitch lines (in the shapes Twitch's IRC reference documents) become the chat model with every tag
// the reader uses; USERNOTICE becomes a system message; CLEARCHAT/CLEARMSG become moderation events.
using IShowTts.Chat.Model;
using IShowTts.Chat.Twitch;

namespace IShowTts.Chat.Tests.Twitch;

public sealed class TwitchMessageMapperTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ChatMessage Map(string line, params string?[] mentions) =>
        TwitchMessageMapper.ToChatMessage(IrcMessage.Parse(line), Now, mentions) ?? throw new InvalidOperationException("not a message");

    [Fact]
    public void APrivmsgCarriesEveryTagTheReaderUses()
    {
        var message = Map(@"@badge-info=subscriber/12;badges=vip/1,subscriber/12;bits=100;color=#1E90FF;custom-reward-id=f1e2d3c4-0000-4000-8000-123456789abc;"
            + @"display-name=Cool\sViewer;emotes=25:10-14;first-msg=1;id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;mod=0;room-id=1337;subscriber=1;"
            + @"tmi-sent-ts=1714566896789;turbo=0;user-id=9001;user-type= :coolviewer!coolviewer@coolviewer.tmi.twitch.tv PRIVMSG #SomeStreamer :cheer100 hi Kappa");

        Assert.Equal(Guid.Parse("b34ccfc7-4977-403a-8a94-33c6bac34fb8"), message.Id);
        Assert.Equal("b34ccfc7-4977-403a-8a94-33c6bac34fb8", message.PlatformMessageId);
        Assert.Equal(ChatPlatform.Twitch, message.Platform);
        Assert.Equal("somestreamer", message.Channel);
        Assert.Equal(("coolviewer", "9001", "Cool Viewer"), (message.Username, message.UserId, message.DisplayName));
        Assert.Equal("#1E90FF", message.Color);
        Assert.Equal(ChatRoles.Vip | ChatRoles.Subscriber, message.Roles);
        Assert.Equal(["vip/1", "subscriber/12"], message.Badges);
        Assert.Equal(100, message.Bits);
        Assert.Equal(new PaidDetails(100_000_000, "bits", "100 bits"), message.Paid);
        Assert.Equal(ChatPriority.Paid, message.Priority);
        Assert.Equal("f1e2d3c4-0000-4000-8000-123456789abc", message.RewardId);
        Assert.True(message.FirstMessage);
        Assert.Equal([new EmoteRange("25", 10, 14)], message.Emotes);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714566896789), message.Timestamp);
        Assert.Equal(ChatContent.Text("cheer100 hi Kappa"), message.Content);
        Assert.Equal("1337", message.Metadata!.Value.GetProperty("tags").GetProperty("room-id").GetString());
    }

    [Fact]
    public void BroadcasterAndModeratorsGetModeratorPriorityAndMentionsGetMention()
    {
        var broadcaster = Map("@badges=broadcaster/1;display-name=Streamer :streamer!streamer@streamer.tmi.twitch.tv PRIVMSG #streamer :welcome all");
        var moderator = Map("@badges=moderator/1;mod=1 :helper!helper@h PRIVMSG #streamer :be nice");
        var mention = Map("@badges= :fan!fan@h PRIVMSG #streamer :hey @Streamer how are you", "mybot", "streamer");
        var normal = Map("@badges= :fan!fan@h PRIVMSG #streamer :hello", "mybot", "streamer");

        Assert.Equal((ChatPriority.Moderator, ChatRoles.Broadcaster), (broadcaster.Priority, broadcaster.Roles));
        Assert.Equal((ChatPriority.Moderator, ChatRoles.Moderator), (moderator.Priority, moderator.Roles));
        Assert.Equal(ChatPriority.Mention, mention.Priority);
        Assert.Equal(ChatPriority.Normal, normal.Priority);
    }

    [Fact]
    public void AReplyLosesTheAutomaticMentionAndItsEmoteRangesMove()
    {
        var message = Map(@"@emotes=25:8-12;reply-parent-display-name=Parent\sUser;reply-parent-msg-body=is\sthis\son?;"
            + "reply-parent-msg-id=aaaa-1;reply-parent-user-id=42;reply-parent-user-login=parent :fan!fan@h PRIVMSG #streamer :@parent Kappa yes");

        Assert.Equal("Kappa yes", message.Text);
        Assert.Equal([new EmoteRange("25", 0, 4)], message.Emotes);
        Assert.Equal(new ReplyParent("aaaa-1", "42", "parent", "Parent User", "is this on?"), message.ReplyTo);
    }

    [Fact]
    public void EmoteRangesAreKeptInCodePointsEvenAfterAnEmoji()
    {
        var message = Map("@emotes=25:2-6,14-18 :fan!fan@h PRIVMSG #streamer :😂 Kappa and Kappa");
        Assert.Equal([new EmoteRange("25", 2, 6), new EmoteRange("25", 14, 18)], message.Emotes);
    }

    [Fact]
    public void AMeActionIsReadWithoutItsCtcpFraming()
    {
        var message = Map(":fan!fan@h PRIVMSG #streamer :\u0001ACTION waves\u0001");
        Assert.Equal("waves", message.Text);
        Assert.True(message.Metadata!.Value.GetProperty("action").GetBoolean());
    }

    [Fact]
    public void APlainIrcLineWithoutTagsStillMaps()
    {
        var message = Map(":sender!~sender@127.0.0.1 PRIVMSG #chan :hello there");
        Assert.Equal(("sender", "chan", "hello there", Now), (message.Username, message.Channel, message.Text, message.Timestamp));
        Assert.Null(message.Metadata);
    }

    [Fact]
    public void AResubNoticeIsASystemMessageWithTheViewersWords()
    {
        var message = Map(@"@badges=subscriber/6;display-name=Ronni;emotes=25:21-25;id=db25007f-7a18-43eb-9379-80131e44d633;login=ronni;msg-id=resub;"
            + @"msg-param-cumulative-months=6;msg-param-sub-plan=Prime;system-msg=ronni\shas\ssubscribed\sfor\s6\smonths!;tmi-sent-ts=1507246572675;"
            + "user-id=87654321 :tmi.twitch.tv USERNOTICE #dallas :Great stream -- keep Kappa it up!");

        Assert.Equal(ChatContent.System("ronni has subscribed for 6 months! Great stream -- keep  it up!"), message.Content);
        Assert.Equal(("resub", ChatPriority.Paid, "ronni", "dallas"), (message.EventKind, message.Priority, message.Username, message.Channel));
        Assert.Empty(message.Emotes);
    }

    [Theory]
    [InlineData("subgift", ChatPriority.Gift)]
    [InlineData("submysterygift", ChatPriority.Gift)]
    [InlineData("sub", ChatPriority.Paid)]
    [InlineData("raid", ChatPriority.Mention)]
    [InlineData("announcement", ChatPriority.Moderator)]
    [InlineData("ritual", ChatPriority.Normal)]
    public void NoticeKindsMapToPriorities(string kind, ChatPriority expected)
    {
        var message = Map($@"@login=someone;msg-id={kind};system-msg=something\shappened :tmi.twitch.tv USERNOTICE #streamer");
        Assert.Equal(ChatContent.System("something happened"), message.Content);
        Assert.Equal(expected, message.Priority);
    }

    [Fact]
    public void ClearchatMeansTimeoutBanOrClearAndClearmsgMeansOneDeletedMessage()
    {
        ModerationEvent Moderation(string line) => TwitchMessageMapper.ToModeration(IrcMessage.Parse(line), Now)!;

        var timeout = Moderation("@ban-duration=350;room-id=1;target-user-id=87654321;tmi-sent-ts=1642719320727 :tmi.twitch.tv CLEARCHAT #dallas :ronni");
        var ban = Moderation("@room-id=1;target-user-id=87654321;tmi-sent-ts=1642715756806 :tmi.twitch.tv CLEARCHAT #dallas :ronni");
        var clear = Moderation("@room-id=1;tmi-sent-ts=1642715695392 :tmi.twitch.tv CLEARCHAT #dallas");
        var deleted = Moderation("@login=foo;room-id=;target-msg-id=94e6c7ff-bf98-4faa-af5d-7ad633a158a9;tmi-sent-ts=1642720582342 :tmi.twitch.tv CLEARMSG #bar :what a great day");

        Assert.Equal((ModerationKind.UserTimedOut, "ronni", "87654321", TimeSpan.FromSeconds(350)), (timeout.Kind, timeout.TargetUsername, timeout.TargetUserId, timeout.Duration));
        Assert.Equal((ModerationKind.UserBanned, "ronni", (TimeSpan?)null), (ban.Kind, ban.TargetUsername, ban.Duration));
        Assert.Equal((ModerationKind.ChatCleared, "dallas"), (clear.Kind, clear.Channel));
        Assert.Equal((ModerationKind.MessageDeleted, "94e6c7ff-bf98-4faa-af5d-7ad633a158a9", "foo", "bar"),
            (deleted.Kind, deleted.TargetMessageId, deleted.TargetUsername, deleted.Channel));
    }
}
