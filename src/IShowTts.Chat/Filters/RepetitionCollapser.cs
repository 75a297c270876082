// Collapses spam repetition before it reaches the voice: a run of one character longer than
// max_repeated_chars ("!!!!!!!!" → "!!!", digits excepted so numbers survive), a 2–4 letter syllable
// repeated more than max_repeated_words times inside a word ("lolololol" → "lololol"), the same emoji
// over and over, and the same word more than max_repeated_words times in a row.
using System.Text;
using System.Text.RegularExpressions;

namespace IShowTts.Chat.Filters;

public sealed partial class RepetitionCollapser : IChatFilter
{
    public FilterVerdict Apply(FilterContext context)
    {
        context.Text = Collapse(context.Text, context.Settings.MaxRepeatedChars, context.Settings.MaxRepeatedWords);
        return FilterVerdict.Continue;
    }

    public static string Collapse(string text, int maxChars, int maxWords)
    {
        text = SameChar().Replace(text, m => Repeat(m.Groups[1].Value, maxChars, m.Length));
        text = SamePair().Replace(text, m => Repeat(m.Groups[1].Value, maxChars, m.Length / 2));
        text = Syllable().Replace(text, m => Repeat(m.Groups[1].Value, maxWords, m.Length / m.Groups[1].Length));
        return SameWord().Replace(text, m =>
        {
            var words = m.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return words.Length <= maxWords ? m.Value : string.Join(' ', words.Take(maxWords));
        });
    }

    private static string Repeat(string unit, int keep, int count)
    {
        var builder = new StringBuilder(unit.Length * keep);
        for (var i = 0; i < Math.Min(keep, count); i++) builder.Append(unit);
        return builder.ToString();
    }

    [GeneratedRegex(@"([^\d\s])\1+")]
    private static partial Regex SameChar();

    [GeneratedRegex(@"(\p{Cs}{2})\1+")]
    private static partial Regex SamePair();

    [GeneratedRegex(@"(\p{L}{2,4}?)\1+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Syllable();

    [GeneratedRegex(@"\b(\w+)(?:\s+\1\b)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SameWord();
}
