// Chinese number readings the WeTextProcessing way: 1299 → 一千两百九十九 (两 before 百/千/万/亿),
// 10 → 十, 1001 → 一千零一, digit strings 二零二四, decimals 零点五, fractions 五分之一, and 两 for a
// lone 2 before a measure word. Pure functions over digit strings; the rules decide which applies.
namespace IShowTts.Text.Normalization.Reading;

internal static class ChineseNumbers
{
    /// <summary>Longer integers (up to 万亿) are read digit by digit.</summary>
    public const int MaxCardinalDigits = 16;

    private const string DigitChars = "零一二三四五六七八九";
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿"];
    private static readonly string[] PlaceUnits = ["千", "百", "十", ""];

    /// <summary>"2024" → "二零二四".</summary>
    public static string Digits(string digits) =>
        new(digits.Where(char.IsAsciiDigit).Select(d => DigitChars[d - '0']).ToArray());

    /// <summary>The cardinal with WeTextProcessing's 两: 200 → 两百, 2000 → 两千, 1200 → 一千两百, 220000 → 二十二万.</summary>
    public static string Cardinal(string digits) => WithLiang(Plain(digits));

    /// <summary>The cardinal without 两, for ordinals, months, days, hours and decimals' digits: 2 → 二, 200 → 二百.</summary>
    public static string Plain(string digits)
    {
        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0) return "零";
        if (trimmed.Length > MaxCardinalDigits) return Digits(digits);

        var sb = new System.Text.StringBuilder();
        int groupCount = (trimmed.Length + 3) / 4;
        bool zeroPending = false;
        for (int g = 0; g < groupCount; g++)
        {
            int end = trimmed.Length - (groupCount - 1 - g) * 4;
            int value = int.Parse(trimmed[Math.Max(0, end - 4)..end], System.Globalization.CultureInfo.InvariantCulture);
            if (value == 0) { zeroPending = sb.Length > 0; continue; }
            if (sb.Length > 0 && (zeroPending || value < 1000)) sb.Append('零');
            AppendGroup(sb, value);
            sb.Append(GroupUnits[groupCount - 1 - g]);
            zeroPending = false;
        }
        // 10 – 19 at the head read 十…, not 一十… (十万, 十一亿), as everywhere in spoken Chinese.
        if (sb.Length >= 2 && sb[0] == '一' && sb[1] == '十') sb.Remove(0, 1);
        return sb.ToString();
    }

    /// <summary>A count before a measure word: a lone 2 is 两 (两个, 两公里), otherwise the cardinal.</summary>
    public static string Count(string digits) => digits.TrimStart('0') == "2" ? "两" : Cardinal(digits);

    /// <summary>"3.14" → "三点一四", "0.5" → "零点五"; the integer part takes 两 only when asked.</summary>
    public static string Decimal(NumberLiteral n, bool liang = true)
    {
        var integer = liang ? Cardinal(n.IntegerDigits) : Plain(n.IntegerDigits);
        return n.IsInteger ? integer : integer + "点" + Digits(n.FractionDigits);
    }

    /// <summary>1/5 → "五分之一".</summary>
    public static string Fraction(string numerator, string denominator) => Plain(denominator) + "分之" + Plain(numerator);

    private static void AppendGroup(System.Text.StringBuilder sb, int value)
    {
        var digits = value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        bool started = false, zero = false;
        for (int p = 0; p < 4; p++)
        {
            int d = digits[p] - '0';
            if (d == 0) { zero = started; continue; }
            if (zero) { sb.Append('零'); zero = false; }
            sb.Append(DigitChars[d]).Append(PlaceUnits[p]);
            started = true;
        }
    }

    /// <summary>二 directly before 百, 千, 万 or 亿 reads 两, except after 十 (二十二万 keeps its 二).</summary>
    private static string WithLiang(string plain)
    {
        var chars = plain.ToCharArray();
        for (int i = 0; i + 1 < chars.Length; i++)
            if (chars[i] == '二' && "百千万亿".Contains(chars[i + 1]) && (i == 0 || chars[i - 1] != '十'))
                chars[i] = '两';
        return new string(chars);
    }
}
