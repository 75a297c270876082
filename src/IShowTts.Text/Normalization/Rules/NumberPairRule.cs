// Step 13: two numbers joined by a sign. Dotted strings (127.0.0.1, 1.2.3) and hyphenated digit
// groups that look like phone numbers or IDs (010-64035547) read digit by digit; a range "2-3" /
// "2~3" reads "two to three" / 二到三 (两到三个 before a measure word); a score "3:2" that is not a
// clock time reads "three to two" / 三比二; "2+2" reads "two plus two" / 二加二; a fraction "1/2"
// reads "one half" / 二分之一, except that English m/d with a day over 12 ("12/25") is a date.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class NumberPairRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, Dotted(), context, (m, lang) => DigitGroups(m.Value.Split('.'), lang, lang == SpanLanguage.Chinese ? "点" : "dot"));
        text = Splicer.Replace(text, Hyphenated(), context, (m, lang) => DigitGroups(m.Value.Split('-'), lang, null));
        text = Splicer.Replace(text, Range(), context, (m, lang) =>
        {
            var a = NumberLiteral.Parse(m.Groups["a"].Value);
            var b = NumberLiteral.Parse(m.Groups["b"].Value);
            if (m.Groups["s"].Value == "-" && a.IsInteger && b.IsInteger
                && (a.IntegerDigits.Length + b.IntegerDigits.Length >= 7 || (a.IntegerDigits[0] == '0' && a.IntegerDigits.Length > 1)))
                return DigitGroups([a.IntegerDigits, b.IntegerDigits], lang, null);
            if (lang == SpanLanguage.English) return EnglishNumbers.Decimal(a) + " to " + EnglishNumbers.Decimal(b);
            bool counted = ChineseMeasureWords.LiangAt(text, m.Index + m.Length) is not null;
            return Chinese(a, counted) + "到" + Chinese(b, counted);
        });
        text = Splicer.Replace(text, Sum(), context, (m, lang) => lang == SpanLanguage.Chinese
            ? ChineseNumbers.Decimal(NumberLiteral.Parse(m.Groups["a"].Value)) + "加" + ChineseNumbers.Decimal(NumberLiteral.Parse(m.Groups["b"].Value))
            : EnglishNumbers.Decimal(NumberLiteral.Parse(m.Groups["a"].Value)) + " plus " + EnglishNumbers.Decimal(NumberLiteral.Parse(m.Groups["b"].Value)));
        text = Splicer.Replace(text, Score(), context, (m, lang) => lang == SpanLanguage.Chinese
            ? ChineseNumbers.Plain(m.Groups["a"].Value) + "比" + ChineseNumbers.Plain(m.Groups["b"].Value)
            : EnglishNumbers.Cardinal(m.Groups["a"].Value) + " to " + EnglishNumbers.Cardinal(m.Groups["b"].Value));
        return Splicer.Replace(text, Fraction(), context, (m, lang) =>
        {
            long numerator = long.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
            long denominator = long.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (denominator < 2) return null;
            // English chat writes month/day: 12/25 is a date, 3/4 a fraction (a day over 12 decides).
            if (lang == SpanLanguage.English && numerator is >= 1 and <= 12 && denominator is >= 13 and <= 31)
                return DateRule.Read(lang, null, (int)numerator, (int)denominator, dayFirst: false);
            return lang == SpanLanguage.Chinese
                ? ChineseNumbers.Fraction(m.Groups["a"].Value, m.Groups["b"].Value)
                : EnglishNumbers.Fraction(numerator, denominator);
        });
    }

    private static string Chinese(NumberLiteral n, bool counted) =>
        counted && n.IsInteger ? ChineseNumbers.Count(n.IntegerDigits) : ChineseNumbers.Decimal(n);

    private static string DigitGroups(IEnumerable<string> groups, SpanLanguage language, string? separator)
    {
        var read = groups.Select(g => language == SpanLanguage.Chinese ? ChineseNumbers.Digits(g) : EnglishNumbers.Digits(g));
        return separator is null
            ? CharClass.Join(read)
            : CharClass.Join(read.SelectMany((g, i) => i == 0 ? [g] : new[] { separator, g }));
    }

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+){2,}(?!\d|\.\d)")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"(?<![\d-])\d+(?:-\d+){2,}(?!\d|-\d)")]
    private static partial Regex Hyphenated();

    [GeneratedRegex(@"(?<![\d.,-])(?<a>" + NumberLiteral.Pattern + @")\s?(?<s>[-~～–])\s?(?<b>" + NumberLiteral.Pattern + @")(?!\d|[.,-]\d)")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<![\d.,])(?<a>" + NumberLiteral.Pattern + @")\s?\+\s?(?<b>" + NumberLiteral.Pattern + @")(?!\d)")]
    private static partial Regex Sum();

    [GeneratedRegex(@"(?<![\d:.])(?<a>\d{1,3}):(?<b>\d{1,3})(?![\d:])")]
    private static partial Regex Score();

    [GeneratedRegex(@"(?<![\d./])(?<a>\d{1,3})/(?<b>\d{1,3})(?![\d/]|\.\d)")]
    private static partial Regex Fraction();
}
