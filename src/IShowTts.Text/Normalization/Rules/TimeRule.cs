// Step 7: clock times. English the NeMo way: 3:45pm → "three forty five p m", 3:05 → "three oh five",
// 3:00 → "three o'clock", 1:02:36 → "one hour two minutes and thirty six seconds". Chinese the
// WeTextProcessing way: 3:45 → 三点四十五分, 2:02 → 两点零二分, 11:00 → 十一点, pm → 下午 in front.
// Not a time (minutes not two digits, hour over 24): left for NumberPairRule, which reads a score.
using System.Globalization;
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class TimeRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, Clock(), context, (m, lang) => Read(lang,
            Int(m, "h"), Int(m, "m"), m.Groups["s"].Success ? Int(m, "s") : null, Meridiem(m)));
        return Splicer.Replace(text, HourOnly(), context, (m, lang) => Read(lang, Int(m, "h"), 0, null, Meridiem(m)));
    }

    /// <summary>The spoken time, or null when it is not a valid clock time.</summary>
    public static string? Read(SpanLanguage language, int hour, int minute, int? second, char? meridiem)
    {
        if (hour > 24 || minute > 59 || second > 59 || (meridiem is not null && hour is < 1 or > 12)) return null;
        return language == SpanLanguage.Chinese ? Chinese(hour, minute, second, meridiem) : English(hour, minute, second, meridiem);
    }

    private static string English(int hour, int minute, int? second, char? meridiem)
    {
        var suffix = meridiem is { } p ? " " + p + " m" : "";
        if (second is { } s)
            return Count(hour, "hour") + " " + Count(minute, "minute") + " and " + Count(s, "second") + suffix;
        var h = EnglishNumbers.Cardinal(hour);
        if (minute == 0) return meridiem is null ? h + " o'clock" : h + suffix;
        var m = minute < 10 ? "oh " + EnglishNumbers.Cardinal(minute) : EnglishNumbers.Cardinal(minute);
        return h + " " + m + suffix;
    }

    private static string Chinese(int hour, int minute, int? second, char? meridiem)
    {
        var prefix = meridiem switch { 'a' => "上午", 'p' => "下午", _ => "" };
        var h = ChineseNumbers.Count(hour.ToString(CultureInfo.InvariantCulture)) + "点";
        var m = minute == 0 ? (second is > 0 ? "零分" : "") : TwoDigits(minute) + "分";
        var s = second is int sv && sv > 0 ? TwoDigits(sv) + "秒" : "";
        return prefix + h + m + s;
    }

    /// <summary>05 → 零五, 45 → 四十五: WeTextProcessing's minute.tsv and second.tsv.</summary>
    private static string TwoDigits(int value) =>
        (value < 10 ? "零" : "") + ChineseNumbers.Plain(value.ToString(CultureInfo.InvariantCulture));

    private static string Count(int n, string unit) => EnglishNumbers.Cardinal(n) + " " + unit + (n == 1 ? "" : "s");

    private static char? Meridiem(Match m) => m.Groups["ap"].Success ? char.ToLowerInvariant(m.Groups["ap"].Value[0]) : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\d:.])(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?![\d:])(?:\s?(?<ap>[ap])\.?m\.?(?![A-Za-z]))?", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?<![\d:.,])(?<h>\d{1,2})\s?(?<ap>[ap])\.?m\.?(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex HourOnly();
}
