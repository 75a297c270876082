// English month names and the abbreviations chat uses, for the date rule. Data, not logic.
namespace IShowTts.Text.Normalization.Tables;

internal static class Months
{
    private static readonly string[] Names =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>Regex alternation of every accepted spelling, longest first (case-insensitive use).</summary>
    public const string Pattern =
        "january|february|march|april|may|june|july|august|september|october|november|december|" +
        "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec";

    /// <summary>1 – 12 for a month name or abbreviation ("Sept." → 9).</summary>
    public static int Number(string written)
    {
        var key = written.TrimEnd('.').ToLowerInvariant();
        for (int i = 0; i < Names.Length; i++)
            if (Names[i].StartsWith(key, StringComparison.Ordinal)) return i + 1;
        throw new ArgumentException($"'{written}' is not a month name.", nameof(written));
    }

    /// <summary>The spoken (lower-case, NeMo-style) name of month 1 – 12.</summary>
    public static string Name(int month) => Names[month - 1];
}
