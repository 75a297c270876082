// Character classes the rules share: Chinese ideograph, Latin letter, and whether two pieces of text
// need a space between them to stay separate words. Not a Unicode library: BMP ideographs only.
namespace IShowTts.Text.Normalization.Reading;

internal static class CharClass
{
    public static bool IsChinese(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>A letter of the Latin script (Basic Latin through Latin Extended-B).</summary>
    public static bool IsLatin(char c) => c < '\u0250' && char.IsLetter(c);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>True when text ending in <paramref name="left"/> and text starting with <paramref name="right"/>
    /// would run together: both are word characters and not both Chinese ("了" + "good", "two" + "年").</summary>
    public static bool NeedSpace(char left, char right) =>
        IsWordChar(left) && IsWordChar(right) && !(IsChinese(left) && IsChinese(right));

    /// <summary>Joins spoken pieces, adding a space only where two pieces would otherwise run together.</summary>
    public static string Join(IEnumerable<string> pieces)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Length == 0) continue;
            if (sb.Length > 0 && NeedSpace(sb[^1], piece[0]))
                sb.Append(' ');
            sb.Append(piece);
        }
        return sb.ToString();
    }
}
