// Text addressed in Unicode code points (as Twitch's emote ranges are), not UTF-16 units: an emoji is
// one position even though it is two chars in a .NET string.
using System.Text;

namespace IShowTts.Chat.Internal;

internal static class CodePointText
{
    /// <summary>The text without the inclusive code point ranges; ranges past the end are clipped.</summary>
    public static string RemoveRanges(string text, IEnumerable<(int Start, int End)> ranges)
    {
        var removed = new HashSet<int>();
        foreach (var (start, end) in ranges)
            for (var i = Math.Max(0, start); i <= end && i - start < 10_000; i++) removed.Add(i);
        if (removed.Count == 0) return text;
        var result = new StringBuilder(text.Length);
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!removed.Contains(index)) result.Append(rune.ToString());
            index++;
        }
        return result.ToString();
    }

    public static int Count(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>The first <paramref name="maxChars"/> UTF-16 units without splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var cut = maxChars;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut];
    }
}
