// Step 10: a number with a unit (Tables/Units: 10km, 5 kg, 38°C, 10km/h, 120m²) or a magnitude
// letter (10k, 2M, 10w). English the NeMo way: "ten kilometers", "ten kilometers per hour", "ten
// thousand", "two to three minutes"; Chinese the WeTextProcessing way: 十公里, 两千克, 每小时十公里,
// 一万, 十万, 两到三公里. One-letter symbols (m, s, g, h, L) count only when attached: "5 m" is
// left for the cardinal. Video formats are names: 1080p → "ten eighty p", 4K → "four K".
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed class MeasureRule : INormalizationRule
{
    private static readonly string AnyUnit = Alternation(Units.LongestFirst);
    private static readonly string SpacedUnit = Alternation(Units.LongestFirst.Where(u => !u.AttachedOnly));

    private static readonly Regex Measure = new(
        @"(?<![\d.,])(?:(?<![A-Za-z0-9.,)\]])(?<sign>[-−]))?" +
        @"(?:(?<from>" + NumberLiteral.Pattern + @")\s?[-~～–]\s?)?(?<num>" + NumberLiteral.Pattern + ")" +
        @"(?:(?:(?<unit>" + AnyUnit + @")|\s(?<unit>" + SpacedUnit + @"))(?:/(?<per>" + AnyUnit + @"))?(?![A-Za-z0-9])" +
        @"|(?<mag>[kKMBwW]|bn)(?![A-Za-z0-9]))",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // 720p, 1080p, 4K, 8K: video formats, said as a name ("ten eighty p", "four K"), not as a quantity.
    private static readonly Regex VideoFormat = new(
        @"(?<![\d.,])(?:(?<res>360|480|720|1080|1440|2160)[pP]|(?<k>[48])K)(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, VideoFormat, context, (m, lang) => m.Groups["k"].Success
            ? (lang == SpanLanguage.Chinese ? ChineseNumbers.Digits(m.Groups["k"].Value) + "K" : EnglishNumbers.Cardinal(m.Groups["k"].Value) + " K")
            : (lang == SpanLanguage.Chinese ? ChineseNumbers.Digits(m.Groups["res"].Value) + "P" : Pairs(int.Parse(m.Groups["res"].Value, System.Globalization.CultureInfo.InvariantCulture)) + " p"));
        return Splicer.Replace(text, Measure, context, (m, lang) =>
        {
            var number = NumberLiteral.Parse(m.Groups["num"].Value);
            var from = m.Groups["from"].Success ? NumberLiteral.Parse(m.Groups["from"].Value) : (NumberLiteral?)null;
            bool negative = m.Groups["sign"].Success;
            if (m.Groups["mag"].Success)
            {
                var letter = m.Groups["mag"].Value;
                var head = negative ? (lang == SpanLanguage.Chinese ? "负" : "minus ") : "";
                if (from is { } low)
                    head += lang == SpanLanguage.Chinese ? Magnitude(low, letter, lang) + "到" : EnglishNumbers.Decimal(low) + " to ";
                return head + Magnitude(number, letter, lang);
            }
            var unit = Units.Find(m.Groups["unit"].Value)!;
            var per = m.Groups["per"].Success ? Units.Find(m.Groups["per"].Value) : null;
            if (lang == SpanLanguage.Chinese)
            {
                var range = from is { } f ? ChineseCount(f) + "到" : "";
                return (per is null ? "" : "每" + per.Chinese) + (negative ? "负" : "") + range + ChineseCount(number) + unit.Chinese;
            }
            var start = from is { } g ? EnglishNumbers.Decimal(g) + " to " : "";
            bool singular = number.IsOne && from is null;
            return (negative ? "minus " : "") + start + EnglishNumbers.Decimal(number) + " " + (singular ? unit.English : unit.EnglishPlural)
                + (per is null ? "" : " per " + per.English);
        });
    }

    /// <summary>1080 → "ten eighty", 720 → "seven twenty": a format name read in pairs, like a year.</summary>
    private static string Pairs(int n) => EnglishNumbers.Cardinal(n / 100) + " " + EnglishNumbers.Cardinal(n % 100);

    /// <summary>10k → "ten thousand" / 一万; 1.5k → "one point five thousand" / 一千五百; 10w → 十万.</summary>
    public static string Magnitude(NumberLiteral number, string letter, SpanLanguage language)
    {
        int power = letter switch { "k" or "K" => 3, "w" or "W" => 4, "M" => 6, _ => 9 };
        if (language == SpanLanguage.Chinese)
            return power == 4 ? ChineseCount(number) + "万" : ChineseCount(number.Scale(power));
        return power switch
        {
            3 => EnglishNumbers.Decimal(number) + " thousand",
            6 => EnglishNumbers.Decimal(number) + " million",
            9 => EnglishNumbers.Decimal(number) + " billion",
            _ => EnglishNumbers.Decimal(number.Scale(power)),
        };
    }

    private static string ChineseCount(NumberLiteral number) =>
        number.IsInteger ? ChineseNumbers.Count(number.IntegerDigits) : ChineseNumbers.Decimal(number);

    private static string Alternation(IEnumerable<Unit> units) => string.Join('|', units.Select(u => Regex.Escape(u.Symbol)));
}
