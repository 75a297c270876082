// Step 14: every number still left. English the NeMo way: cardinals, "point" decimals, a bare year
// 1900 – 2099 as a year ("twenty twenty four"), leading-zero and very long strings digit by digit.
// Chinese the WeTextProcessing way: 一千两百九十九, 零点五, 两个 before a measure word, an 11-digit
// mobile number or a leading-zero string digit by digit. After a cue word (尾号, 电话, call, code)
// any integer is an identifier, digit by digit. "#1" reads "number one" / 一号.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class CardinalRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context) =>
        Splicer.Replace(text, Number(), context, (m, lang) =>
        {
            var written = m.Groups["num"].Value;
            var number = NumberLiteral.Parse(written);
            var sign = m.Groups["sign"].Success ? m.Groups["sign"].Value[0] : (char?)null;
            bool hash = m.Groups["hash"].Success;
            if (number.IsInteger && !hash && sign is null && DigitCue().IsMatch(text[..m.Index]))
                return lang == SpanLanguage.Chinese ? ChineseNumbers.Digits(written) : EnglishNumbers.Digits(written);
            if (lang == SpanLanguage.Chinese)
            {
                int end = m.Index + m.Length;
                bool counted = ChineseMeasureWords.LiangAt(text, end) is not null;
                // An amount of 元 or 块 drops its trailing zeros: 10.00元 → 十元, as MoneyRule does for ¥10.00.
                if (end < text.Length && text[end] is '元' or '块') number = number.TrimFractionZeros();
                var reading = Chinese(number, written.Contains(','), counted && sign is null);
                return hash ? reading + "号" : ChineseSign(sign) + reading;
            }
            var english = English(number, written.Contains(','), plainYear: sign is null && !hash);
            return hash ? "number " + english : EnglishSign(sign) + english;
        });

    public static string English(NumberLiteral n, bool grouped, bool plainYear)
    {
        if (!n.IsInteger) return EnglishNumbers.Decimal(n);
        var digits = n.IntegerDigits;
        if (!grouped && digits.Length > 1 && digits[0] == '0') return EnglishNumbers.Digits(digits);
        if (plainYear && !grouped && digits.Length == 4 && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is >= 1900 and <= 2099 and var year)
            return EnglishNumbers.Year(year);
        return EnglishNumbers.Cardinal(digits);
    }

    public static string Chinese(NumberLiteral n, bool grouped, bool counted)
    {
        if (!n.IsInteger) return ChineseNumbers.Decimal(n);
        var digits = n.IntegerDigits;
        bool mobile = digits.Length == 11 && digits[0] == '1';
        if (!grouped && (mobile || (digits.Length > 1 && digits[0] == '0'))) return ChineseNumbers.Digits(digits);
        return counted ? ChineseNumbers.Count(digits) : ChineseNumbers.Cardinal(digits);
    }

    private static string EnglishSign(char? sign) => sign switch
    {
        '-' or '−' => "minus ",
        '+' => "plus ",
        '±' => "plus or minus ",
        _ => "",
    };

    private static string ChineseSign(char? sign) => sign switch
    {
        '-' or '−' => "负",
        '+' => "加",
        '±' => "正负",
        _ => "",
    };

    // A word right before the number that makes it an identifier, read digit by digit (尾号1702, call 911).
    [GeneratedRegex(@"(?:电话|手机|拨打|号码|尾号|热线|房间号|房号|工号|学号|编号|验证码|密码|微信号|QQ|UID|(?<![A-Za-z])(?:call|phone|room|code|pin|ending in|id))(?:是|为)?[ :：]*$", RegexOptions.IgnoreCase)]
    private static partial Regex DigitCue();

    [GeneratedRegex(@"(?:(?<![A-Za-z0-9&])(?<hash>#)|(?<![A-Za-z0-9.,)\]])(?<sign>[-+−±]))?(?<![\d.,])(?<num>" + NumberLiteral.Pattern + @")(?!\d)")]
    private static partial Regex Number();
}
