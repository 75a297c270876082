// The subscribers-only and paid-only modes. Trusted authors and platform announcements pass;
// "paid" means bits, a channel-point reward, a Super Chat/Sticker or a membership/gift.
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Filters;

public sealed class ModeFilter : IChatFilter
{
    private const ChatRoles SubscriberLike = ChatRoles.Subscriber | ChatRoles.Vip | ChatRoles.Moderator | ChatRoles.Broadcaster;

    public FilterVerdict Apply(FilterContext context)
    {
        if (context.Trusted || context.IsSystem) return FilterVerdict.Continue;
        var message = context.Message;
        return context.Settings.Mode switch
        {
            ChatMode.Subscribers when (message.Roles & SubscriberLike) == 0 =>
                FilterVerdict.Reject(DropReason.NotSubscriber, "subscribers-only mode"),
            ChatMode.Paid when !IsPaid(message) =>
                FilterVerdict.Reject(DropReason.NotPaid, "bits/channel-points-only mode"),
            _ => FilterVerdict.Continue,
        };
    }

    public static bool IsPaid(ChatMessage message) =>
        message.Bits > 0 || !string.IsNullOrEmpty(message.RewardId) || message.Paid is not null
        || message.Priority >= ChatPriority.Paid;
}
