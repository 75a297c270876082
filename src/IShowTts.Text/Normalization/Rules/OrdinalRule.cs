// Step 11: ordinals. English "1st" → "first", "23rd" → "twenty third" when the suffix is the right
// one for the number (NeMo leaves "1th" as "one th"); in Chinese context "1st" → 第一. Chinese 第N
// reads 第 + the cardinal without 两 (第2名 → 第二名, never 第两名; 第3-5名 → 第三到第五名).
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class OrdinalRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, Chinese(), context, (m, _) =>
            "第" + ChineseNumbers.Plain(m.Groups["num"].Value) + (m.Groups["to"].Success ? "到第" + ChineseNumbers.Plain(m.Groups["to"].Value) : ""));
        return Splicer.Replace(text, English(), context, (m, lang) =>
        {
            var digits = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
            if (digits.TrimStart('0').Length > EnglishNumbers.MaxCardinalDigits) return null;
            long n = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(EnglishNumbers.OrdinalSuffix(n), m.Groups["suffix"].Value, StringComparison.OrdinalIgnoreCase)) return null;
            return lang == SpanLanguage.Chinese ? "第" + ChineseNumbers.Plain(digits) : EnglishNumbers.Ordinal(n);
        });
    }

    [GeneratedRegex(@"第\s?(?<num>\d+)(?:\s?[-~～到]\s?第?(?<to>\d+))?(?!\d|\.\d)")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"(?<![\d.,])(?<num>\d{1,3}(?:,\d{3})+|\d+)(?<suffix>st|nd|rd|th)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
