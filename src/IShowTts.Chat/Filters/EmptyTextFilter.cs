// Rejects a message with nothing left to say once emotes, repetition and spaces are gone.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed class EmptyTextFilter : IChatFilter
{
    public FilterVerdict Apply(FilterContext context) =>
        context.Text.Any(char.IsLetterOrDigit) ? FilterVerdict.Continue
            : FilterVerdict.Reject(DropReason.EmptyAfterFiltering, "nothing left to say");
}
