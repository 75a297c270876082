// Turns liveChatMessage resources into the chat model: textMessageEvent → a viewer's message;
// superChatEvent / superStickerEvent → Paid (with amount, currency, tier); newSponsorEvent and
// memberMilestoneChatEvent → Paid membership messages; membershipGiftingEvent → Gift;
// messageDeletedEvent / userBannedEvent → moderation. Other types (polls, mode changes, the per-viewer
// giftMembershipReceivedEvent) are not read aloud.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.YouTube;

public static class YouTubeMessageMapper
{
    public static ChatMessage? ToChatMessage(JsonElement item, string channel, DateTimeOffset now)
    {
        if (!item.TryGetProperty("snippet", out var snippet)) return null;
        var type = Text(snippet, "type");
        var author = item.TryGetProperty("authorDetails", out var a) ? a : default;
        var name = Text(author, "displayName") ?? "someone";
        var roles = Roles(author);
        ChatPriority priority;
        ChatContent content;
        PaidDetails? paid = null;
        switch (type)
        {
            case "textMessageEvent":
                var text = snippet.TryGetProperty("textMessageDetails", out var t) ? Text(t, "messageText") : Text(snippet, "displayMessage");
                if (string.IsNullOrEmpty(text)) return null;
                content = ChatContent.Text(text);
                priority = (roles & (ChatRoles.Broadcaster | ChatRoles.Moderator)) != 0 ? ChatPriority.Moderator : ChatPriority.Normal;
                break;
            case "superChatEvent":
                var superChat = snippet.GetProperty("superChatDetails");
                paid = Paid(superChat);
                var comment = Text(superChat, "userComment");
                content = string.IsNullOrWhiteSpace(comment)
                    ? ChatContent.System($"{name} sent a Super Chat of {paid.DisplayString}")
                    : ChatContent.Text(comment);
                priority = ChatPriority.Paid;
                break;
            case "superStickerEvent":
                var sticker = snippet.GetProperty("superStickerDetails");
                paid = Paid(sticker);
                var alt = sticker.TryGetProperty("superStickerMetadata", out var meta) ? Text(meta, "altText") : null;
                content = ChatContent.System($"{name} sent a Super Sticker{(alt is null ? "" : ": " + alt)} ({paid.DisplayString})");
                priority = ChatPriority.Paid;
                break;
            case "newSponsorEvent":
                var sponsor = snippet.TryGetProperty("newSponsorDetails", out var s) ? s : default;
                var level = Text(sponsor, "memberLevelName");
                var upgrade = sponsor.ValueKind == JsonValueKind.Object && sponsor.TryGetProperty("isUpgrade", out var u) && u.ValueKind == JsonValueKind.True;
                content = ChatContent.System(upgrade ? $"{name} upgraded their membership to {level}"
                    : $"{name} became a member{(level is null ? "" : $" ({level})")}");
                priority = ChatPriority.Paid;
                break;
            case "memberMilestoneChatEvent":
                var milestone = snippet.GetProperty("memberMilestoneChatDetails");
                var months = milestone.TryGetProperty("memberMonth", out var m) && m.TryGetInt32(out var n) ? n : 0;
                var words = Text(milestone, "userComment");
                content = ChatContent.System($"{name} has been a member for {months} months" + (string.IsNullOrWhiteSpace(words) ? "" : ": " + words));
                priority = ChatPriority.Paid;
                break;
            case "membershipGiftingEvent":
                var gifting = snippet.GetProperty("membershipGiftingDetails");
                var count = gifting.TryGetProperty("giftMembershipsCount", out var c) && c.TryGetInt32(out var k) ? k : 1;
                content = ChatContent.System($"{name} gifted {count} membership{(count == 1 ? "" : "s")}");
                priority = ChatPriority.Gift;
                break;
            default:
                return null;
        }

        var id = Text(item, "id") ?? Guid.NewGuid().ToString();
        return new ChatMessage
        {
            Id = StableGuid(id),
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            UserId = Text(author, "channelId") ?? Text(snippet, "authorChannelId"),
            Username = name,
            DisplayName = name,
            Priority = priority,
            Content = content,
            Metadata = JsonSerializer.SerializeToElement(new Dictionary<string, string?>
            {
                ["type"] = type,
                ["live_chat_id"] = Text(snippet, "liveChatId"),
                ["profile_image_url"] = Text(author, "profileImageUrl"),
            }),
            Timestamp = DateTimeOffset.TryParse(Text(snippet, "publishedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : now,
            Roles = roles,
            PlatformMessageId = id,
            Paid = paid,
            EventKind = type,
        };
    }

    public static ModerationEvent? ToModeration(JsonElement item, string channel, DateTimeOffset now)
    {
        if (!item.TryGetProperty("snippet", out var snippet)) return null;
        var at = DateTimeOffset.TryParse(Text(snippet, "publishedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : now;
        switch (Text(snippet, "type"))
        {
            case "messageDeletedEvent":
                var deleted = snippet.GetProperty("messageDeletedDetails");
                return new ModerationEvent(ChatPlatform.YouTube, channel, ModerationKind.MessageDeleted, at,
                    TargetMessageId: Text(deleted, "deletedMessageId"));
            case "userBannedEvent":
                var ban = snippet.GetProperty("userBannedDetails");
                var user = ban.TryGetProperty("bannedUserDetails", out var b) ? b : default;
                var temporary = Text(ban, "banType") == "temporary";
                var seconds = ban.TryGetProperty("banDurationSeconds", out var d) ? Long(d) : 0;
                return new ModerationEvent(ChatPlatform.YouTube, channel, temporary ? ModerationKind.UserTimedOut : ModerationKind.UserBanned, at,
                    TargetUserId: Text(user, "channelId"), TargetUsername: Text(user, "displayName"),
                    Duration: temporary && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null);
            default:
                return null;
        }
    }

    /// <summary>The same YouTube message id always gives the same Guid, so a message read twice is one message.</summary>
    public static Guid StableGuid(string youTubeId) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("youtube:" + youTubeId)));

    private static PaidDetails Paid(JsonElement details) => new(
        details.TryGetProperty("amountMicros", out var micros) ? Long(micros) : 0,
        Text(details, "currency") ?? "",
        Text(details, "amountDisplayString"),
        details.TryGetProperty("tier", out var tier) && tier.TryGetInt32(out var t) ? t : null);

    // Google sends 64-bit integers as JSON strings ("amountMicros": "5000000"); accept numbers too.
    private static long Long(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => 0,
    };

    private static ChatRoles Roles(JsonElement author)
    {
        if (author.ValueKind != JsonValueKind.Object) return ChatRoles.None;
        var roles = ChatRoles.None;
        if (Flag(author, "isChatOwner")) roles |= ChatRoles.Broadcaster;
        if (Flag(author, "isChatModerator")) roles |= ChatRoles.Moderator;
        if (Flag(author, "isChatSponsor")) roles |= ChatRoles.Subscriber;
        if (Flag(author, "isVerified")) roles |= ChatRoles.Verified;
        return roles;
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
