// Step 12: digit strings that chat reads digit by digit, a convention of Chinese live chat that
// English-speaking chat has adopted for 666: a run of one repeated digit (666, 8888), 233…
// (laughter); in Chinese context also 520, 1314, 5201314, 886, and 555… read 呜呜呜. Only for a
// number standing alone: one followed by a unit, a measure word or a letter is a quantity.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class ChatNumberRule : INormalizationRule
{
    private static readonly HashSet<string> ChineseOnly = ["520", "1314", "5201314", "886"];

    public string Apply(string text, NormalizationContext context) =>
        Splicer.Replace(text, Candidate(), context, (m, lang) =>
        {
            if (IsQuantity(text, m.Index + m.Length)) return null;
            return Read(m.Value, lang);
        });

    /// <summary>The chat reading of a digit string, or null when it has none in this language.</summary>
    public static string? Read(string digits, SpanLanguage language)
    {
        bool repeated = digits.All(c => c == digits[0]);
        bool laughter = digits[0] == '2' && digits.Length >= 3 && digits[1..].All(c => c == '3');
        if (language == SpanLanguage.Chinese)
        {
            if (repeated && digits[0] == '5') return new string('呜', digits.Length);
            return repeated || laughter || ChineseOnly.Contains(digits) ? ChineseNumbers.Digits(digits) : null;
        }
        return repeated || laughter ? EnglishNumbers.Digits(digits) : null;
    }

    /// <summary>True when what follows makes the number a count: a Chinese measure word or a letter touching it.</summary>
    private static bool IsQuantity(string text, int end)
    {
        if (end < text.Length && CharClass.IsLatin(text[end])) return true;
        int i = end;
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length && ChineseMeasureWords.NumberSuffixes.Contains(text[i]);
    }

    [GeneratedRegex(@"(?<![A-Za-z\d.,:/#$€£¥￥+\-−])\d{3,}(?!\d|[.,:/~～-]\d|\s?[%‰°])")]
    private static partial Regex Candidate();
}
