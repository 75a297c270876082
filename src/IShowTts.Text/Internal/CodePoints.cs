// Python-style string measures for C# strings: Python indexes and counts code points while C# counts
// UTF-16 units, and F5-TTS measures text in UTF-8 bytes. A lone surrogate counts as one code point of
// 3 bytes (what UTF-8 replacement writes). Not a normaliser.
using System.Text;

namespace IShowTts.Text.Internal;

internal static class CodePoints
{
    /// <summary>len(s.encode("utf-8")).</summary>
    public static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);

    /// <summary>The code points of <paramref name="s"/>, each as its own string (Python's list(s)).</summary>
    public static List<string> Split(string s)
    {
        var result = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i += LengthAt(s, i))
            result.Add(s.Substring(i, LengthAt(s, i)));
        return result;
    }

    /// <summary>The code point value at UTF-16 index <paramref name="i"/> (a lone surrogate is its own value).</summary>
    public static int ValueAt(string s, int i) =>
        LengthAt(s, i) == 2 ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    /// <summary>1, or 2 for a surrogate pair starting at <paramref name="i"/>.</summary>
    public static int LengthAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
}
