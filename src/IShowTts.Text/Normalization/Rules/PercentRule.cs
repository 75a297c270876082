// Step 9: percentages and per-mille, ranges included. English "fifty percent", "ten to twenty
// percent"; Chinese the WeTextProcessing way, 百分之五十, 百分之六点三, 百分之十到百分之二十, 负百分之五.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class PercentRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context) =>
        Splicer.Replace(text, Percent(), context, (m, lang) =>
        {
            bool perMille = m.Groups["p"].Value == "‰";
            var to = NumberLiteral.Parse(m.Groups["num"].Value);
            var from = m.Groups["from"].Success ? NumberLiteral.Parse(m.Groups["from"].Value) : (NumberLiteral?)null;
            bool negative = m.Groups["sign"].Success;
            if (lang == SpanLanguage.Chinese)
            {
                var head = perMille ? "千分之" : "百分之";
                var last = (negative && from is null ? "负" : "") + head + ChineseNumbers.Decimal(to);
                return from is { } f ? (negative ? "负" : "") + head + ChineseNumbers.Decimal(f) + "到" + last : last;
            }
            var unit = perMille ? " per mille" : " percent";
            var minus = negative ? "minus " : "";
            return from is { } g
                ? minus + EnglishNumbers.Decimal(g) + " to " + EnglishNumbers.Decimal(to) + unit
                : minus + EnglishNumbers.Decimal(to) + unit;
        });

    [GeneratedRegex(
        @"(?<![\d.,])(?:(?<![A-Za-z0-9.,)\]])(?<sign>[-−]))?(?:(?<from>" + NumberLiteral.Pattern + @")\s?(?:%|‰)?\s?[-~～–]\s?)?" +
        @"(?<num>" + NumberLiteral.Pattern + @")\s?(?<p>%|‰)")]
    private static partial Regex Percent();
}
