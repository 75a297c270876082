// Chat commands ("!uptime", "!sr …") are for bots, not for reading aloud.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed class CommandFilter : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        if (!context.Settings.IgnoreCommands || context.IsSystem) return FilterVerdict.Continue;
        var text = context.Text.TrimStart();
        return text.Length > 0 && context.Settings.CommandPrefixes.Contains(text[0])
            ? FilterVerdict.Reject(DropReason.CommandIgnored, text.Split(' ', 2)[0])
            : FilterVerdict.Continue;
    }
}
