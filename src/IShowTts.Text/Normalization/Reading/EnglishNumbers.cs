// English number words the NeMo way: "one thousand two hundred ninety nine" (no "and", no hyphens),
// years in pairs ("twenty twenty four"), ordinals, digit strings, decimals and simple fractions.
// Pure functions over digit strings; which reading a span gets is the rules' decision, not this class's.
namespace IShowTts.Text.Normalization.Reading;

internal static class EnglishNumbers
{
    /// <summary>Longer integers (up to the trillions) are read digit by digit.</summary>
    public const int MaxCardinalDigits = 15;

    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Scales = ["", "thousand", "million", "billion", "trillion"];

    public static string Cardinal(long n)
    {
        if (n < 0) return "minus " + Cardinal(-n);
        if (n == 0) return "zero";
        var groups = new List<string>();
        for (int scale = 0; n > 0; scale++, n /= 1000)
        {
            int group = (int)(n % 1000);
            if (group > 0) groups.Insert(0, scale == 0 ? BelowThousand(group) : BelowThousand(group) + " " + Scales[scale]);
        }
        return string.Join(' ', groups);
    }

    /// <summary>Cardinal of a digit string; beyond <see cref="MaxCardinalDigits"/> digits, digit by digit.</summary>
    public static string Cardinal(string digits)
    {
        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0) return "zero";
        return trimmed.Length > MaxCardinalDigits ? Digits(digits) : Cardinal(long.Parse(trimmed, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>"007" → "zero zero seven".</summary>
    public static string Digits(string digits) => string.Join(' ', digits.Where(char.IsAsciiDigit).Select(d => Small[d - '0']));

    /// <summary>"3.14" → "three point one four"; an integer reads as a cardinal.</summary>
    public static string Decimal(NumberLiteral n) =>
        n.IsInteger ? Cardinal(n.IntegerDigits) : Cardinal(n.IntegerDigits) + " point " + Digits(n.FractionDigits);

    public static string Ordinal(long n) => ToOrdinal(Cardinal(n));

    /// <summary>Turns the last word of a cardinal into its ordinal ("twenty one" → "twenty first").</summary>
    public static string ToOrdinal(string cardinal)
    {
        int space = cardinal.LastIndexOf(' ');
        var head = cardinal[..(space + 1)];
        var last = cardinal[(space + 1)..];
        var ordinal = last switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when last.EndsWith('y') => last[..^1] + "ieth",
            _ => last + "th",
        };
        return head + ordinal;
    }

    /// <summary>The suffix a correctly written ordinal carries: 1 → "st", 12 → "th", 22 → "nd".</summary>
    public static string OrdinalSuffix(long n) =>
        (n % 100) is >= 11 and <= 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    /// <summary>
    /// A year: 2024 → "twenty twenty four", 1905 → "nineteen oh five", 1900 → "nineteen hundred",
    /// 2000 – 2009 and other x00y years → "two thousand six".
    /// </summary>
    public static string Year(int year)
    {
        int high = year / 100, low = year % 100;
        if (year < 1000 || year % 1000 < 10) return Cardinal(year);
        if (low == 0) return Cardinal(high) + " hundred";
        if (low < 10) return Cardinal(high) + " oh " + Small[low];
        return Cardinal(high) + " " + Cardinal(low);
    }

    /// <summary>A decade: 1990 → "nineteen nineties", 2000 → "two thousands".</summary>
    public static string Decade(int year) => Pluralize(Year(year));

    /// <summary>Plural of a number word: "ninety" → "nineties", "hundred" → "hundreds".</summary>
    public static string Pluralize(string words) => words.EndsWith('y') ? words[..^1] + "ies" : words + "s";

    /// <summary>1/2 → "one half", 3/4 → "three quarters", 2/3 → "two thirds".</summary>
    public static string Fraction(long numerator, long denominator)
    {
        var count = Cardinal(numerator);
        var part = denominator switch
        {
            2 => "half",
            4 => "quarter",
            _ => Ordinal(denominator),
        };
        if (numerator != 1) part = part == "half" ? "halves" : part + "s";
        return count + " " + part;
    }

    private static string BelowThousand(int n)
    {
        if (n < 100) return BelowHundred(n);
        var hundreds = Small[n / 100] + " hundred";
        return n % 100 == 0 ? hundreds : hundreds + " " + BelowHundred(n % 100);
    }

    private static string BelowHundred(int n) =>
        n < 20 ? Small[n] : n % 10 == 0 ? Tens[n / 10] : Tens[n / 10] + " " + Small[n % 10];
}
