// Whether a message's author is named in a user list: login, display name or user id, ignoring case
// and a leading '@'.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

internal static class UserMatcher
{
    public static bool Matches(ChatMessage message, string entry)
    {
        var name = entry.Trim().TrimStart('@');
        if (name.Length == 0) return false;
        return string.Equals(name, message.Username, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, message.DisplayName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, message.UserId, StringComparison.OrdinalIgnoreCase);
    }

    public static bool Any(ChatMessage message, IReadOnlyList<string> list)
    {
        foreach (var entry in list)
            if (Matches(message, entry)) return true;
        return false;
    }
}
