// Turns Twitch IRC lines into the chat model: PRIVMSG → a viewer's message (display name, colour,
// badges, bits, reward id, first message, reply parent, emote ranges, id, user id, sent time),
// USERNOTICE → a system message (subs, gifts, raids…), CLEARCHAT/CLEARMSG → moderation events.
// Lines without tags (a plain IRC server) map too, with what the prefix tells.
using System.Globalization;
using System.Text.Json;
using IShowTts.Chat.Internal;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Twitch;

public static class TwitchMessageMapper
{
    private static readonly HashSet<string> GiftNotices = new(StringComparer.Ordinal)
    {
        "subgift", "submysterygift", "anonsubgift", "anonsubmysterygift", "communitypayforward", "standardpayforward",
    };

    private static readonly HashSet<string> PaidNotices = new(StringComparer.Ordinal)
    {
        "sub", "resub", "primepaidupgrade", "giftpaidupgrade", "anongiftpaidupgrade", "bitsbadgetier", "charitydonation",
    };

    /// <param name="mentionNames">Names whose "@name" makes a message a Mention (the bot's login, the channel).</param>
    public static ChatMessage? ToChatMessage(IrcMessage line, DateTimeOffset now, params string?[] mentionNames) => line.Command switch
    {
        "PRIVMSG" => FromPrivmsg(line, now, mentionNames),
        "USERNOTICE" => FromUserNotice(line, now),
        _ => null,
    };

    public static ModerationEvent? ToModeration(IrcMessage line, DateTimeOffset now)
    {
        var channel = Channel(line);
        var at = SentAt(line, now);
        switch (line.Command)
        {
            case "CLEARCHAT":
                var target = line.Parameters.Count > 1 ? line.Parameter(1) : null;
                if (string.IsNullOrEmpty(target))
                    return new ModerationEvent(ChatPlatform.Twitch, channel, ModerationKind.ChatCleared, at);
                var seconds = int.TryParse(line.Tag("ban-duration"), out var s) ? s : (int?)null;
                return new ModerationEvent(ChatPlatform.Twitch, channel,
                    seconds is null ? ModerationKind.UserBanned : ModerationKind.UserTimedOut, at,
                    TargetUserId: line.Tag("target-user-id"), TargetUsername: target,
                    Duration: seconds is { } d ? TimeSpan.FromSeconds(d) : null);
            case "CLEARMSG":
                return new ModerationEvent(ChatPlatform.Twitch, channel, ModerationKind.MessageDeleted, at,
                    TargetUsername: line.Tag("login"), TargetMessageId: line.Tag("target-msg-id"));
            default:
                return null;
        }
    }

    private static ChatMessage FromPrivmsg(IrcMessage line, DateTimeOffset now, string?[] mentionNames)
    {
        var channel = Channel(line);
        var text = line.Parameter(1);
        var isAction = text.StartsWith("\u0001ACTION ", StringComparison.Ordinal);
        if (isAction) text = text["\u0001ACTION ".Length..].TrimEnd('\u0001');
        var login = line.Nick ?? line.Tag("login") ?? "";
        var emotes = TwitchEmotes.Parse(line.Tag("emotes"));
        var reply = line.Tag("reply-parent-msg-id") is null ? null : new ReplyParent(
            line.Tag("reply-parent-msg-id"), line.Tag("reply-parent-user-id"), line.Tag("reply-parent-user-login"),
            line.Tag("reply-parent-display-name"), line.Tag("reply-parent-msg-body"));
        if (reply?.UserLogin is { } parent && text.StartsWith($"@{parent} ", StringComparison.OrdinalIgnoreCase))
        {
            var prefix = CodePointText.Count($"@{parent} ");
            text = text[(parent.Length + 2)..];
            emotes = [.. emotes.Where(e => e.Start >= prefix).Select(e => e with { Start = e.Start - prefix, End = e.End - prefix })];
        }
        var roles = Roles(line, login, channel);
        var bits = int.TryParse(line.Tag("bits"), out var b) && b > 0 ? b : 0;
        var priority = bits > 0 ? ChatPriority.Paid
            : (roles & (ChatRoles.Broadcaster | ChatRoles.Moderator)) != 0 ? ChatPriority.Moderator
            : Mentions(text, mentionNames) ? ChatPriority.Mention
            : ChatPriority.Normal;
        return new ChatMessage
        {
            Id = Guid.TryParse(line.Tag("id"), out var id) ? id : Guid.NewGuid(),
            Platform = ChatPlatform.Twitch,
            Channel = channel,
            UserId = line.Tag("user-id"),
            Username = login,
            Priority = priority,
            Content = ChatContent.Text(text),
            Metadata = Metadata(line, isAction),
            Timestamp = SentAt(line, now),
            DisplayName = line.Tag("display-name"),
            Color = line.Tag("color"),
            Roles = roles,
            Badges = Badges(line),
            Bits = bits,
            RewardId = line.Tag("custom-reward-id"),
            FirstMessage = line.Tag("first-msg") == "1",
            ReplyTo = reply,
            Emotes = emotes,
            PlatformMessageId = line.Tag("id"),
            Paid = bits > 0 ? new PaidDetails(bits * 1_000_000L, "bits", $"{bits} bits") : null,
        };
    }

    private static ChatMessage FromUserNotice(IrcMessage line, DateTimeOffset now)
    {
        var channel = Channel(line);
        var kind = line.Tag("msg-id") ?? "notice";
        var login = line.Tag("login") ?? line.Nick ?? "";
        var attached = line.Parameter(1);
        var emotes = TwitchEmotes.Parse(line.Tag("emotes"));
        if (emotes.Count > 0) attached = CodePointText.RemoveRanges(attached, emotes.Select(e => (e.Start, e.End)));
        var system = line.Tag("system-msg") ?? $"{line.Tag("display-name") ?? login}: {kind}";
        var text = string.IsNullOrWhiteSpace(attached) ? system : $"{system} {attached.Trim()}";
        var roles = Roles(line, login, channel);
        var priority = GiftNotices.Contains(kind) ? ChatPriority.Gift
            : PaidNotices.Contains(kind) ? ChatPriority.Paid
            : kind == "announcement" ? ChatPriority.Moderator
            : kind == "raid" ? ChatPriority.Mention
            : ChatPriority.Normal;
        return new ChatMessage
        {
            Id = Guid.TryParse(line.Tag("id"), out var id) ? id : Guid.NewGuid(),
            Platform = ChatPlatform.Twitch,
            Channel = channel,
            UserId = line.Tag("user-id"),
            Username = login,
            Priority = priority,
            Content = ChatContent.System(text),
            Metadata = Metadata(line, isAction: false),
            Timestamp = SentAt(line, now),
            DisplayName = line.Tag("display-name"),
            Color = line.Tag("color"),
            Roles = roles,
            Badges = Badges(line),
            PlatformMessageId = line.Tag("id"),
            EventKind = kind,
        };
    }

    private static string Channel(IrcMessage line) => line.Parameter(0).TrimStart('#').ToLowerInvariant();

    private static DateTimeOffset SentAt(IrcMessage line, DateTimeOffset now) =>
        long.TryParse(line.Tag("tmi-sent-ts"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : now;

    private static IReadOnlyList<string> Badges(IrcMessage line) =>
        line.Tag("badges")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static ChatRoles Roles(IrcMessage line, string login, string channel)
    {
        var roles = BadgeRoles.Of(Badges(line));
        if (line.Tag("mod") == "1") roles |= ChatRoles.Moderator;
        if (line.Tag("subscriber") == "1") roles |= ChatRoles.Subscriber;
        if (line.Tag("vip") is not null) roles |= ChatRoles.Vip;
        if (login.Length > 0 && string.Equals(login, channel, StringComparison.OrdinalIgnoreCase)) roles |= ChatRoles.Broadcaster;
        return roles;
    }

    private static bool Mentions(string text, string?[] names)
    {
        foreach (var name in names)
            if (!string.IsNullOrEmpty(name) && text.Contains("@" + name, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private static JsonElement? Metadata(IrcMessage line, bool isAction)
    {
        if (line.Tags.Count == 0 && !isAction) return null;
        var metadata = new Dictionary<string, object> { ["tags"] = line.Tags };
        if (isAction) metadata["action"] = true;
        return JsonSerializer.SerializeToElement(metadata);
    }
}
