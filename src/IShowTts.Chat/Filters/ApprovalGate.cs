// Moderator-approval mode: every message that passed the other filters waits in the queue's
// approval list until a moderator approves or rejects it. Trusted authors go straight through.
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Filters;

public sealed class ApprovalGate : IChatFilter
{
    public FilterVerdict Apply(FilterContext context) =>
        context.Settings.Mode == ChatMode.Approval && !context.Trusted ? FilterVerdict.Hold : FilterVerdict.Continue;
}
