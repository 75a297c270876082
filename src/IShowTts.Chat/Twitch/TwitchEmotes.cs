// The emotes tag: "25:0-4,12-16/1902:6-10" → (id, start, end) ranges in code points, in text order.
// Malformed pieces are skipped, never thrown.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Twitch;

public static class TwitchEmotes
{
    public static IReadOnlyList<EmoteRange> Parse(string? tag)
    {
        if (string.IsNullOrEmpty(tag)) return [];
        var ranges = new List<EmoteRange>();
        foreach (var emote in tag.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = emote.IndexOf(':');
            if (colon <= 0) continue;
            var id = emote[..colon];
            foreach (var range in emote[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var dash = range.IndexOf('-');
                if (dash > 0 && int.TryParse(range[..dash], out var start) && int.TryParse(range[(dash + 1)..], out var end) && start <= end)
                    ranges.Add(new EmoteRange(id, start, end));
            }
        }
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ranges;
    }
}
