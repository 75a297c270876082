// A filter's decision; a rejection always names its reason and may say more in Detail.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public readonly record struct FilterVerdict(FilterOutcome Outcome, DropReason? Reason = null, string? Detail = null)
{
    public static FilterVerdict Continue => new(FilterOutcome.Continue);

    public static FilterVerdict Hold => new(FilterOutcome.Hold);

    public static FilterVerdict Reject(DropReason reason, string? detail = null) => new(FilterOutcome.Reject, reason, detail);
}
