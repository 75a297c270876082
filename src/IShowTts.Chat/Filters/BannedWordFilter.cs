// Drops messages containing a banned keyword. Text and keywords are folded by TextSkeleton (case,
// look-alike letters, leetspeak, invisible characters, punctuation), a keyword's letters may be
// stretched ("baaanned"), a Latin keyword must start a word ("idiot" catches "idiots" but "ass" does
// not catch "class"), other scripts match anywhere, and spelled-out words ("b a n n e d") are glued.
using System.Text;
using System.Text.RegularExpressions;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed class BannedWordFilter : IChatFilter
{
    private sealed record Compiled(IReadOnlyList<string> Source, Regex? Anchored, Regex? Anywhere);

    private Compiled _compiled = new([], null, null);

    public FilterVerdict Apply(FilterContext context)
    {
        var compiled = CompiledFor(context.Settings.BannedKeywords);
        if (compiled.Anchored is null) return FilterVerdict.Continue;
        var folded = TextSkeleton.Fold(context.Text);
        var match = compiled.Anchored.Match(folded);
        if (!match.Success)
            foreach (var run in TextSkeleton.SpelledOut(folded))
                if ((match = compiled.Anywhere!.Match(run)).Success) break;
        return match.Success ? FilterVerdict.Reject(DropReason.BannedKeyword, $"matched \"{match.Value}\"") : FilterVerdict.Continue;
    }

    /// <summary>True when the text would be rejected by this keyword list (for tests and the settings API).</summary>
    public static bool Matches(string text, IReadOnlyList<string> keywords)
    {
        var compiled = Compile(keywords);
        if (compiled.Anchored is null) return false;
        var folded = TextSkeleton.Fold(text);
        return compiled.Anchored.IsMatch(folded) || TextSkeleton.SpelledOut(folded).Any(compiled.Anywhere!.IsMatch);
    }

    private Compiled CompiledFor(IReadOnlyList<string> keywords)
    {
        var current = Volatile.Read(ref _compiled);
        if (ReferenceEquals(current.Source, keywords)) return current;
        var fresh = Compile(keywords);
        Volatile.Write(ref _compiled, fresh);
        return fresh;
    }

    private static Compiled Compile(IReadOnlyList<string> keywords)
    {
        var anchored = new List<string>();
        var anywhere = new List<string>();
        foreach (var keyword in keywords)
        {
            var folded = TextSkeleton.Fold(keyword);
            if (folded.Length == 0) continue;
            var pattern = Stretchable(folded);
            anywhere.Add(pattern);
            anchored.Add(folded[0] is >= 'a' and <= 'z' ? @"(?<![\p{L}])" + pattern : pattern);
        }
        if (anchored.Count == 0) return new Compiled(keywords, null, null);
        const RegexOptions options = RegexOptions.CultureInvariant;
        return new Compiled(keywords,
            new Regex(string.Join('|', anchored), options),
            new Regex(string.Join('|', anywhere.Select(p => p.Replace(" ?", "", StringComparison.Ordinal))), options));
    }

    // "banned" → b+a+n{2,}e+d+: each run of one letter may be stretched but not shortened.
    private static string Stretchable(string folded)
    {
        var pattern = new StringBuilder("(?:");
        var runes = folded.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length;)
        {
            var j = i;
            while (j < runes.Length && runes[j] == runes[i]) j++;
            var count = j - i;
            if (runes[i].Value == ' ') pattern.Append(" ?");
            else
            {
                var literal = Regex.Escape(runes[i].ToString());
                pattern.Append(runes[i].Utf16SequenceLength > 1 ? $"(?:{literal})" : literal);
                pattern.Append(count == 1 ? "+" : $"{{{count},}}");
            }
            i = j;
        }
        return pattern.Append(')').ToString();
    }
}
