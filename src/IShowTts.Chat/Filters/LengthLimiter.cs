// Truncates to max_words words, then to max_chars characters, cutting at a word boundary when one is
// in the second half (the original cut silently at 77 words / 280 chars too).
using IShowTts.Chat.Internal;

namespace IShowTts.Chat.Filters;

public sealed class LengthLimiter : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        context.Text = Limit(context.Text, context.Settings.MaxWords, context.Settings.MaxChars);
        return FilterVerdict.Continue;
    }

    public static string Limit(string text, int maxWords, int maxChars)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > maxWords) text = string.Join(' ', words.Take(maxWords));
        if (text.Length <= maxChars) return text;
        var cut = CodePointText.Truncate(text, maxChars);
        var space = cut.LastIndexOf(' ');
        return (space >= maxChars / 2 ? cut[..space] : cut).TrimEnd();
    }
}
