// Removes emotes by the platform's ranges (code points; see EmoteRange) and, on cheers, the cheermote
// tokens ("Cheer100", "Kappa50") that would otherwise be read as words. Must run before any filter
// that rewrites the text, because the ranges index the original text.
using System.Text.RegularExpressions;
using IShowTts.Chat.Internal;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed partial class EmoteStripper : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        var message = context.Message;
        if (!context.Settings.StripEmotes || context.IsSystem) return FilterVerdict.Continue;
        if (message.Emotes.Count > 0 && context.Text == message.Content.Value)
            context.Text = CodePointText.RemoveRanges(context.Text, message.Emotes.Select(e => (e.Start, e.End)));
        if (message.Bits > 0)
            context.Text = Cheermote().Replace(context.Text, "");
        return FilterVerdict.Continue;
    }

    [GeneratedRegex(@"(?<!\S)[A-Za-z][A-Za-z0-9]*?[1-9][0-9]*(?!\S)")]
    private static partial Regex Cheermote();
}
