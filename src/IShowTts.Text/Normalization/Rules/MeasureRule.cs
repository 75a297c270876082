// Step 10: a number with a unit (Tables/Units: 10km, 5 kg, 38°C, 10km/h, 120m²) or a magnitude
// letter (10k, 2M, 10w). English the NeMo way: "ten kilometers", "ten kilometers per hour", "ten
// thousand"; Chinese the WeTextProcessing way: 十公里, 两千克, 每小时十公里, 一万, 十万. One-letter
// symbols (m, s, g, h, L) count only when attached: "5 m" is left for the cardinal.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed class MeasureRule : INormalizationRule
{
    private static readonly string AnyUnit = Alternation(Units.LongestFirst);
    private static readonly string SpacedUnit = Alternation(Units.LongestFirst.Where(u => !u.AttachedOnly));

    private static readonly Regex Measure = new(
        @"(?<![\d.,])(?:(?<=^|[^\w.])(?<sign>[-−]))?(?<num>" + NumberLiteral.Pattern + ")" +
        @"(?:(?:(?<unit>" + AnyUnit + @")|\s(?<unit>" + SpacedUnit + @"))(?:/(?<per>" + AnyUnit + @"))?(?![A-Za-z0-9])" +
        @"|(?<mag>[kKMBwW]|bn)(?![A-Za-z0-9]))",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public string Apply(string text, NormalizationContext context) =>
        Splicer.Replace(text, Measure, context, (m, lang) =>
        {
            var number = NumberLiteral.Parse(m.Groups["num"].Value);
            bool negative = m.Groups["sign"].Success;
            if (m.Groups["mag"].Success)
                return (negative ? (lang == SpanLanguage.Chinese ? "负" : "minus ") : "") + Magnitude(number, m.Groups["mag"].Value, lang);
            var unit = Units.Find(m.Groups["unit"].Value)!;
            var per = m.Groups["per"].Success ? Units.Find(m.Groups["per"].Value) : null;
            return lang == SpanLanguage.Chinese
                ? (per is null ? "" : "每" + per.Chinese) + (negative ? "负" : "") + ChineseCount(number) + unit.Chinese
                : (negative ? "minus " : "") + EnglishNumbers.Decimal(number) + " " + (number.IsOne ? unit.English : unit.EnglishPlural)
                    + (per is null ? "" : " per " + per.English);
        });

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
