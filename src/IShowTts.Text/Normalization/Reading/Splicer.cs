// Replaces regex matches with their spoken form and keeps word boundaries: a reading that would run
// into its neighbour gets a space ("Season2" → "Season two", "打了gg" → "打了 good game"), Chinese
// next to Chinese gets none. Every regex rule goes through here; it decides nothing about readings.
using System.Text.RegularExpressions;

namespace IShowTts.Text.Normalization.Reading;

internal static class Splicer
{
    /// <summary>
    /// Each match of <paramref name="pattern"/> becomes read(match, language of the match's context);
    /// a null reading leaves the match as written, an empty one removes it.
    /// </summary>
    public static string Replace(string text, Regex pattern, NormalizationContext context, Func<Match, SpanLanguage, string?> read) =>
        pattern.Replace(text, m =>
        {
            var reading = read(m, context.LanguageAt(text, m.Index, m.Length));
            return reading is null ? m.Value : Fit(text, m.Index, m.Length, reading);
        });

    /// <summary>The reading with the spaces it needs to stand between text[..index] and text[index+length..].</summary>
    public static string Fit(string text, int index, int length, string reading)
    {
        char? before = index > 0 ? text[index - 1] : null;
        char? after = index + length < text.Length ? text[index + length] : null;
        if (reading.Length == 0)
            return before is { } b && after is { } a && CharClass.NeedSpace(b, a) ? " " : "";
        if (before is { } l && CharClass.NeedSpace(l, reading[0])) reading = " " + reading;
        if (after is { } r && CharClass.NeedSpace(reading[^1], r)) reading += " ";
        return reading;
    }
}
