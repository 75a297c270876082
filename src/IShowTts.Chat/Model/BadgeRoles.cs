// The roles Twitch badges ("name/version", e.g. "moderator/1", "subscriber/12") stand for; used for IRC
// tags and for the badges the original kept in an enqueued message's metadata.
namespace IShowTts.Chat.Model;

public static class BadgeRoles
{
    public static ChatRoles Of(IEnumerable<string> badges)
    {
        var roles = ChatRoles.None;
        foreach (var badge in badges)
            roles |= badge.Split('/', 2)[0].Trim() switch
            {
                "broadcaster" => ChatRoles.Broadcaster,
                "moderator" => ChatRoles.Moderator,
                "vip" => ChatRoles.Vip,
                "subscriber" or "founder" => ChatRoles.Subscriber,
                _ => ChatRoles.None,
            };
        return roles;
    }
}
