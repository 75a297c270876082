// The form banned words are matched in: invisible characters dropped, every character folded by
// Confusables, and everything that is not a letter turned into one space. SpelledOut finds runs of
// three or more one-letter words ("b a n n e d", "b.a.n.n.e.d") and glues each back into one word.
// Messages and keywords both pass through Fold, so the keyword list can be written plainly.
using System.Text;

namespace IShowTts.Chat.Filters;

internal static class TextSkeleton
{
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Confusables.IsIgnorable(rune)) continue;
            var mapped = Confusables.Fold(rune);
            if (mapped.Value == ' ' && (folded.Length == 0 || folded[^1] == ' ')) continue;
            folded.Append(mapped.ToString());
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>Each run of at least three one-letter words in a folded text, glued together.</summary>
    public static IEnumerable<string> SpelledOut(string folded)
    {
        var run = new StringBuilder();
        var count = 0;
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.EnumerateRunes().Take(2).Count() == 1)
            {
                run.Append(word);
                count++;
                continue;
            }
            if (count >= 3) yield return run.ToString();
            run.Clear();
            count = 0;
        }
        if (count >= 3) yield return run.ToString();
    }
}
