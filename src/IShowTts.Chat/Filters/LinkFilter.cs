// Drops messages that contain a link (scheme://…, www.…, or name.tld with a common top-level
// domain) unless allow_links is on. Reading URLs aloud is noise and a spam vector.
using System.Text.RegularExpressions;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed partial class LinkFilter : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        if (context.Settings.AllowLinks) return FilterVerdict.Continue;
        var match = Link().Match(context.Text);
        return match.Success ? FilterVerdict.Reject(DropReason.LinkNotAllowed, match.Value) : FilterVerdict.Continue;
    }

    public static bool ContainsLink(string text) => Link().IsMatch(text);

    [GeneratedRegex(@"\b(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|(?:[a-z0-9-]+\.)+(?:com|net|org|io|gg|tv|ly|me|co|xyz|ru|de|uk|info|biz|app|dev|link|live|shop|site|online|be|to|cc|us|fr|cn|jp|top|club|store|gl|sh|ai)\b(?:/\S*)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
