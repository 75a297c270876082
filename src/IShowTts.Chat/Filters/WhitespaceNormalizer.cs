// One space between words, none at the ends, control characters (CTCP \x01 included) removed.
using System.Text.RegularExpressions;

namespace IShowTts.Chat.Filters;

public sealed partial class WhitespaceNormalizer : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        context.Text = Normalize(context.Text);
        return FilterVerdict.Continue;
    }

    public static string Normalize(string text) => Spaces().Replace(Controls().Replace(text, " "), " ").Trim();

    [GeneratedRegex(@"[\p{Cc}\u2028\u2029]")]
    private static partial Regex Controls();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
