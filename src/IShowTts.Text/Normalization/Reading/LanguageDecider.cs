// Decides whether a span (a number, a time, an emoji...) is read in English or Chinese from the
// letters around it (docs/normalization.md, "Which language a span is read in"). It looks at the
// nearest Latin or Chinese letter on each side; it never looks inside the span.
namespace IShowTts.Text.Normalization.Reading;

internal static class LanguageDecider
{
    /// <summary>Crossing one of these ends a clause: a letter behind it counts as this much further away.</summary>
    private const int ClausePenalty = 10;

    private const string ClauseBreaks = ".!?;,。！？；，、\n";

    /// <summary>
    /// The language of text[start..end): the nearer of the closest letter on the left and on the right
    /// (distance in characters, plus a penalty per clause break crossed); a tie goes to the right,
    /// because in both languages a number is followed by what it counts. Null when the text has no
    /// Latin or Chinese letter on either side.
    /// </summary>
    public static SpanLanguage? FromContext(string text, int start, int end)
    {
        var (leftLanguage, leftDistance) = Scan(text, start - 1, -1);
        var (rightLanguage, rightDistance) = Scan(text, end, +1);
        if (leftLanguage is null) return rightLanguage;
        if (rightLanguage is null) return leftLanguage;
        return rightDistance <= leftDistance ? rightLanguage : leftLanguage;
    }

    private static (SpanLanguage? Language, int Distance) Scan(string text, int from, int step)
    {
        int distance = 0;
        for (int i = from; i >= 0 && i < text.Length; i += step)
        {
            char c = text[i];
            if (CharClass.IsChinese(c)) return (SpanLanguage.Chinese, distance);
            if (CharClass.IsLatin(c)) return (SpanLanguage.English, distance);
            distance += ClauseBreaks.Contains(c) ? ClausePenalty : 1;
        }
        return (null, int.MaxValue);
    }
}
