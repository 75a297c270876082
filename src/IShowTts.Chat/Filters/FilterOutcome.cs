// What one filter decided: go on to the next filter, reject the message, or hold it for a moderator.
namespace IShowTts.Chat.Filters;

public enum FilterOutcome
{
    Continue,
    Reject,
    Hold,
}
