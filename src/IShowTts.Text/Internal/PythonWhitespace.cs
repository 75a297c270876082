// Python 3's notion of whitespace (str.isspace, re's \s, str.strip()) for the characters official
// F5-TTS code splits and strips on. It differs from char.IsWhiteSpace (U+001C–U+001F count here).
namespace IShowTts.Text.Internal;

internal static class PythonWhitespace
{
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    /// <summary>str.strip() with no argument.</summary>
    public static string Strip(string s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start])) start++;
        var end = s.Length;
        while (end > start && IsSpace(s[end - 1])) end--;
        return s[start..end];
    }
}
