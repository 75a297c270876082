// The pipeline's answer for one message: Accepted with the text to speak, Held for approval (with the
// text), or Rejected with the reason (and which filter said so, in Detail).
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed record FilterResult(FilterOutcome Outcome, string Text, DropReason? Reason = null, string? Detail = null)
{
    public bool Accepted => Outcome == FilterOutcome.Continue;
}
