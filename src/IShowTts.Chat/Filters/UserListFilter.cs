// Per-user lists: a denied user is never read; an allowed user is trusted (skips mode, cooldown
// and approval, but not the text filters).
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed class UserListFilter : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        if (UserMatcher.Any(context.Message, context.Settings.DeniedUsers))
            return FilterVerdict.Reject(DropReason.UserDenied, $"{context.Message.Username} is on the deny list");
        if (UserMatcher.Any(context.Message, context.Settings.AllowedUsers))
            context.Trusted = true;
        return FilterVerdict.Continue;
    }
}
