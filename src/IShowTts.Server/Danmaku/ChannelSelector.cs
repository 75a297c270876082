// A player's `?channel=` choice: "[platform:]channel" (case-insensitive; '#' and spaces ignored). A
// player that chose a channel is sent only that channel's items; null matches every item.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Danmaku;

internal sealed record ChannelSelector(ChatPlatform? Platform, string Channel)
{
    /// <summary>Parses the query value; null for none; throws FormatException naming what is wrong.</summary>
    public static ChannelSelector? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        ChatPlatform? platform = null;
        int colon = text.IndexOf(':');
        if (colon > 0)
        {
            var name = text[..colon];
            if (!Enum.TryParse<ChatPlatform>(name, ignoreCase: true, out var p) || !Enum.IsDefined(p))
                throw new FormatException($"unknown platform '{name}' in channel '{value}' (use twitch: or youtube:)");
            platform = p;
            text = text[(colon + 1)..];
        }
        text = text.Trim().TrimStart('#');
        if (text.Length == 0) throw new FormatException($"channel '{value}' names no channel");
        return new ChannelSelector(platform, text);
    }

    public bool Matches(QueueItem item) =>
        (Platform is null || Platform == item.Message.Platform)
        && string.Equals(Channel, item.Message.Channel, StringComparison.OrdinalIgnoreCase);
}
