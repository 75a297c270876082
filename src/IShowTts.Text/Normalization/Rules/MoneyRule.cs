// Step 8: money written with a currency symbol or ISO code ($3.50, ¥99.5, €5, 100 USD, $2.5M).
// English the NeMo way: "three dollars fifty cents", "two point five million dollars"; currencies
// without a spoken minor unit read a decimal ("ninety nine point five yuan"). Chinese the
// WeTextProcessing way, amount then currency: 九十九点五元, 十三点五美元, 两美元.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class MoneyRule : INormalizationRule
{
    private const string CodePattern = "USD|EUR|GBP|CNY|RMB|JPY|HKD|AUD|CAD|TWD|KRW|INR|RUB|THB";

    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, Prefixed(), context, Read);
        return Splicer.Replace(text, Suffixed(), context, Read);
    }

    private static string Read(Match m, SpanLanguage language)
    {
        var amount = NumberLiteral.Parse(m.Groups["num"].Value);
        var currency = Currencies.Find(m.Groups["cur"].Value);
        var magnitude = m.Groups["mag"].Success ? m.Groups["mag"].Value : null;
        var sign = m.Groups["sign"].Success;
        return language == SpanLanguage.Chinese
            ? (sign ? "负" : "") + Chinese(amount, currency, magnitude)
            : (sign ? "minus " : "") + English(amount, currency, magnitude);
    }

    public static string English(NumberLiteral amount, Currency currency, string? magnitude)
    {
        switch (magnitude)
        {
            case "w" or "W" or "万": return English(amount.Scale(4), currency, null);
            case "亿": return English(amount.Scale(8), currency, null);
            case not null: return EnglishNumbers.Decimal(amount) + " " + MagnitudeWord(magnitude) + " " + currency.EnglishPlural;
        }
        var fraction = amount.FractionDigits;
        bool hasCents = currency.MinorEnglish is not null && fraction.Length > 0 && fraction[Math.Min(2, fraction.Length)..].All(c => c == '0');
        if (!hasCents)
            return amount.IsInteger
                ? EnglishNumbers.Cardinal(amount.IntegerDigits) + " " + (amount.IsOne ? currency.English : currency.EnglishPlural)
                : EnglishNumbers.Decimal(amount) + " " + currency.EnglishPlural;

        int cents = int.Parse(fraction.PadRight(2, '0')[..2], System.Globalization.CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (amount.Integer != "0" || cents == 0)
            parts.Add(EnglishNumbers.Cardinal(amount.Integer) + " " + (amount.Integer == "1" ? currency.English : currency.EnglishPlural));
        if (cents > 0)
            parts.Add(EnglishNumbers.Cardinal(cents) + " " + (cents == 1 ? currency.MinorEnglish : currency.MinorEnglishPlural));
        return string.Join(' ', parts);
    }

    public static string Chinese(NumberLiteral amount, Currency currency, string? magnitude)
    {
        var (value, suffix) = magnitude switch
        {
            "w" or "W" or "万" => (amount, "万"),
            "亿" => (amount, "亿"),
            null => (amount, ""),
            _ => (amount.Scale(MagnitudePower(magnitude)), ""),
        };
        value = value.TrimFractionZeros();
        var number = value.IsInteger && suffix.Length == 0 ? ChineseNumbers.Count(value.IntegerDigits) : ChineseNumbers.Decimal(value);
        return number + suffix + currency.Chinese;
    }

    private static string MagnitudeWord(string magnitude) => MagnitudePower(magnitude) switch
    {
        3 => "thousand",
        6 => "million",
        _ => "billion",
    };

    private static int MagnitudePower(string magnitude) => magnitude switch
    {
        "k" or "K" or "thousand" => 3,
        "M" or "million" => 6,
        _ => 9,
    };

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:(?<![.,)\]])(?<sign>[-−]))?(?<cur>US\$|HK\$|NT\$|A\$|C\$|\$|€|£|¥|￥|₩|₹|₽|฿|(?:" + CodePattern + @")\s?)" +
        @"(?<num>" + NumberLiteral.Pattern + @")" +
        @"(?:(?<mag>[kKMB]|bn)(?![A-Za-z])|\s?(?<mag>thousand|million|billion|万|亿)|(?<mag>[wW])(?![A-Za-z]))?(?!\d)")]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"(?<![\d.,])(?<num>" + NumberLiteral.Pattern + @")(?:(?<mag>[kKMB])|\s?(?<mag>thousand|million|billion|万|亿))?\s?(?<cur>" + CodePattern + @")(?![A-Za-z])")]
    private static partial Regex Suffixed();
}
