// Builds the failure report parity tests print: the input, then expected and actual under clear
// headers, and where the two first differ.
using System.Text;

namespace IShowTts.Text.Tests.Internal;

internal static class Mismatch
{
    /// <summary>Null when the lists are equal, else a report.</summary>
    public static string? Describe<T>(string caseName, string what, string input, IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        var first = FirstDifference(expected, actual);
        if (first < 0) return null;
        var sb = new StringBuilder();
        sb.AppendLine($"{caseName}: {what} differs at index {first}.");
        sb.AppendLine("--- input ---").AppendLine(JsonValues.Show(input));
        sb.AppendLine("--- expected ---").AppendLine(JsonValues.Show(expected));
        sb.AppendLine("--- actual ---").AppendLine(JsonValues.Show(actual));
        return sb.ToString();
    }

    public static int FirstDifference<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        var n = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < n; i++)
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i])) return i;
        return expected.Count == actual.Count ? -1 : n;
    }
}
