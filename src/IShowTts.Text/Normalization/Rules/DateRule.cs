// Step 6: dates. Chinese years are read digit by digit before 年 (2024年 → 二零二四年, 90年代, 00后),
// numeric dates (2024-03-05, 3/5/2024, 03/05) read as 二零二四年三月五日 or "march fifth twenty twenty
// four", English month-name dates ("March 5th, 2024", "5 March") and decades ("1990s", "'90s") the
// NeMo way. "3月5日" needs no rule: 月 and 日 follow a plain cardinal (CardinalRule).
using System.Globalization;
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class DateRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, ChineseYear(), context, (m, _) => ChineseNumbers.Digits(m.Value));
        text = Splicer.Replace(text, YearMonthDay(), context, (m, lang) =>
            Read(lang, Int(m, "y"), Int(m, "m"), Int(m, "d"), dayFirst: false));
        text = Splicer.Replace(text, DayMonthYear(), context, (m, lang) =>
            Int(m, "a") > 12
                ? Read(lang, Int(m, "y"), Int(m, "b"), Int(m, "a"), dayFirst: true)
                : Read(lang, Int(m, "y"), Int(m, "a"), Int(m, "b"), dayFirst: false));
        text = Splicer.Replace(text, YearMonth(), context, (m, lang) => Read(lang, Int(m, "y"), Int(m, "m"), null, dayFirst: false));
        text = Splicer.Replace(text, MonthDay(), context, (m, lang) =>
            m.Groups["m"].Value[0] == '0' || m.Groups["d"].Value[0] == '0'
                ? Read(lang, null, Int(m, "m"), Int(m, "d"), dayFirst: false)
                : null);
        text = Splicer.Replace(text, MonthNameDay(), context, (m, _) =>
            Read(SpanLanguage.English, Year(m), Months.Number(m.Groups["mon"].Value), Int(m, "d"), dayFirst: false));
        text = Splicer.Replace(text, DayMonthName(), context, (m, _) =>
        {
            var reading = Read(SpanLanguage.English, Year(m), Months.Number(m.Groups["mon"].Value), Int(m, "d"), dayFirst: true)!;
            return text[..m.Index].EndsWith("the ", StringComparison.OrdinalIgnoreCase) ? reading["the ".Length..] : reading;
        });
        text = Splicer.Replace(text, MonthNameYear(), context, (m, _) =>
            Months.Name(Months.Number(m.Groups["mon"].Value)) + " " + EnglishNumbers.Year(Int(m, "y")));
        text = Splicer.Replace(text, Decade(), context, (m, lang) => lang == SpanLanguage.Chinese
            ? ChineseNumbers.Digits(m.Groups["y"].Value) + "年代"
            : EnglishNumbers.Decade(Int(m, "y")));
        return Splicer.Replace(text, ShortDecade(), context, (m, _) => EnglishNumbers.Pluralize(EnglishNumbers.Cardinal(Int(m, "y"))));
    }

    /// <summary>The spoken date, or null (leave as written) when the month or day is out of range.</summary>
    public static string? Read(SpanLanguage language, int? year, int month, int? day, bool dayFirst)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        if (language == SpanLanguage.Chinese)
        {
            var y = year is { } yy ? ChineseNumbers.Digits(yy.ToString(CultureInfo.InvariantCulture)) + "年" : "";
            var d = day is { } dd ? ChineseNumbers.Plain(dd.ToString(CultureInfo.InvariantCulture)) + "日" : "";
            return y + ChineseNumbers.Plain(month.ToString(CultureInfo.InvariantCulture)) + "月" + d;
        }
        var monthName = Months.Name(month);
        var core = day is not { } day1 ? monthName
            : dayFirst ? "the " + EnglishNumbers.Ordinal(day1) + " of " + monthName
            : monthName + " " + EnglishNumbers.Ordinal(day1);
        return year is { } y1 ? core + " " + EnglishNumbers.Year(y1) : core;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int? Year(Match m) => m.Groups["y"].Success ? Int(m, "y") : null;

    // 2024年, 2024年度, 2024赛季 — but not 2000年前 / 年后 / 年来 / 年内 / 年间, which count years.
    [GeneratedRegex(@"(?<![\d.])\d{4}(?=\s?(?:年(?![前后来内间])|赛季))|(?<![\d.])\d{2}(?=年代)|(?<![\d.])\d0(?=后(?![面来悔]))")]
    private static partial Regex ChineseYear();

    [GeneratedRegex(@"(?<![\d./-])(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?![\d/-]|\.\d)")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"(?<![\d./-])(?<a>\d{1,2})(?<s>[-/.])(?<b>\d{1,2})\k<s>(?<y>\d{4})(?![\d/-]|\.\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\d./-])(?<y>(?:19|20)\d{2})[-/](?<m>0[1-9]|1[0-2])(?![\d/-]|\.\d)")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"(?<![\d./:-])(?<m>0[1-9]|1[0-2])[-/](?<d>0[1-9]|[12]\d|3[01])(?![\d/:%-]|\.\d)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<mon>" + Months.Pattern + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?(?![\d:A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"(?<![\d.,])(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Months.Pattern + @")\b\.?(?:,?\s+(?<y>\d{4})(?!\d))?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<mon>" + Months.Pattern + @")\.?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameYear();

    [GeneratedRegex(@"(?<![\d'’])(?<y>1\d{2}0|20\d0)s\b")]
    private static partial Regex Decade();

    [GeneratedRegex(@"(?:['’]|(?<=\bthe\s))(?<y>[1-9]0)s\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShortDecade();
}
