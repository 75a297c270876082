// liveChatMessage resources (recorded shapes in Fixtures/YouTube) become chat messages with the right
// priority, content and money, and deletions/bans become moderation events.
using IShowTts.Chat.Model;
using IShowTts.Chat.Tests.Internal;
using IShowTts.Chat.YouTube;

namespace IShowTts.Chat.Tests.YouTube;

public sealed class YouTubeMessageMapperTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ChatMessage Map(string id) =>
        YouTubeMessageMapper.ToChatMessage(Fixtures.Items("messages_page2.json", id), "Abc123xyz_0", Now)!;

    [Fact]
    public void ATextMessageCarriesItsAuthorAndTime()
    {
        var message = Map("LCC.text-viewer-0003");
        Assert.Equal((ChatPlatform.YouTube, "Abc123xyz_0", "Newcomer", "UCviewer_new_0000000000003"), (message.Platform, message.Channel, message.Username, message.UserId));
        Assert.Equal((ChatContent.Text("this stream is great"), ChatPriority.Normal), (message.Content, message.Priority));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 11, 10, 1, 1, TimeSpan.Zero), message.Timestamp);
        Assert.Equal("LCC.text-viewer-0003", message.PlatformMessageId);
        Assert.Equal(YouTubeMessageMapper.StableGuid("LCC.text-viewer-0003"), message.Id);
    }

    [Fact]
    public void AModeratorsMessageHasModeratorPriorityAndRoles()
    {
        var message = Map("LCC.text-moderator-0004");
        Assert.Equal((ChatPriority.Moderator, ChatRoles.Moderator | ChatRoles.Subscriber), (message.Priority, message.Roles));
    }

    [Fact]
    public void ASuperChatIsPaidWithItsAmountAndComment()
    {
        var message = Map("LCC.superchat-0005");
        Assert.Equal((ChatPriority.Paid, ChatContent.Text("keep it up!")), (message.Priority, message.Content));
        Assert.Equal(new PaidDetails(5_000_000, "USD", "$5.00", 2), message.Paid);
        Assert.Equal("superChatEvent", message.EventKind);
    }

    [Fact]
    public void ASuperStickerIsAPaidAnnouncement()
    {
        var message = Map("LCC.supersticker-0006");
        Assert.Equal(ChatContent.System("Sticker Person sent a Super Sticker: dancing cat (¥500)"), message.Content);
        Assert.Equal((ChatPriority.Paid, 500_000_000L, "JPY"), (message.Priority, message.Paid!.AmountMicros, message.Paid.Currency));
    }

    [Fact]
    public void MembershipsArePaidAndGiftedMembershipsAreGifts()
    {
        Assert.Equal((ChatPriority.Paid, ChatContent.System("New Member became a member (Cat Club)")), (Map("LCC.newsponsor-0007").Priority, Map("LCC.newsponsor-0007").Content));
        Assert.Equal(ChatContent.System("Loyal One has been a member for 12 months: one year already!"), Map("LCC.milestone-0008").Content);
        var gift = Map("LCC.gifting-0009");
        Assert.Equal((ChatPriority.Gift, ChatContent.System("Generous gifted 5 memberships")), (gift.Priority, gift.Content));
        Assert.True(gift.Roles.HasFlag(ChatRoles.Verified));
    }

    [Fact]
    public void DeletionsAndBansBecomeModerationEvents()
    {
        var deleted = YouTubeMessageMapper.ToModeration(Fixtures.Items("messages_page3.json", "LCC.deleted-0010"), "v", Now)!;
        var banned = YouTubeMessageMapper.ToModeration(Fixtures.Items("messages_page3.json", "LCC.banned-0011"), "v", Now)!;

        Assert.Equal((ModerationKind.MessageDeleted, "LCC.text-viewer-0003"), (deleted.Kind, deleted.TargetMessageId));
        Assert.Equal((ModerationKind.UserTimedOut, "UCsticker_00000000000000006", "Sticker Person", TimeSpan.FromSeconds(300)),
            (banned.Kind, banned.TargetUserId, banned.TargetUsername, banned.Duration));
        Assert.Null(YouTubeMessageMapper.ToChatMessage(Fixtures.Items("messages_page3.json", "LCC.deleted-0010"), "v", Now));
    }

    [Theory]
    [InlineData("Abc123xyz_0", "Abc123xyz_0")]
    [InlineData("https://www.youtube.com/watch?v=Abc123xyz_0&t=10", "Abc123xyz_0")]
    [InlineData("https://youtu.be/Abc123xyz_0", "Abc123xyz_0")]
    [InlineData("https://www.youtube.com/live/Abc123xyz_0", "Abc123xyz_0")]
    public void VideoTargetsMayBeIdsOrLinks(string target, string id) => Assert.Equal(id, YouTubeClient.VideoId(target));
}
