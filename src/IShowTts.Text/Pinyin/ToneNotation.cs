// pypinyin 0.55.0's conversions between tone notations, ported function by function so odd syllables
// (ê, m̄, ń, no tone) come out as pypinyin writes them: TONE "zhōng", TONE2 "zho1ng", TONE3 "zhong1";
// ü is written v in TONE2/TONE3. Defaults only (no v_to_u, no neutral_tone_with_five), as F5 calls it.
using System.Text;
using System.Text.RegularExpressions;

namespace IShowTts.Text.Pinyin;

internal static partial class ToneNotation
{
    // phonetic_symbol.phonetic_symbol, in its order.
    private static readonly (string Symbol, string Number)[] Symbols =
    [
        ("ā", "a1"), ("á", "a2"), ("ǎ", "a3"), ("à", "a4"),
        ("ē", "e1"), ("é", "e2"), ("ě", "e3"), ("è", "e4"),
        ("ō", "o1"), ("ó", "o2"), ("ǒ", "o3"), ("ò", "o4"),
        ("ī", "i1"), ("í", "i2"), ("ǐ", "i3"), ("ì", "i4"),
        ("ū", "u1"), ("ú", "u2"), ("ǔ", "u3"), ("ù", "u4"),
        ("ü", "v"), ("ǖ", "v1"), ("ǘ", "v2"), ("ǚ", "v3"), ("ǜ", "v4"),
        ("ń", "n2"), ("ň", "n3"), ("ǹ", "n4"),
        ("m\u0304", "m1"), ("ḿ", "m2"), ("m\u0300", "m4"),
        ("ê\u0304", "ê1"), ("ế", "ê2"), ("ê\u030C", "ê3"), ("ề", "ê4"),
    ];

    private static readonly Dictionary<char, string> SingleCharSymbols =
        Symbols.Where(s => s.Symbol.Length == 1).ToDictionary(s => s.Symbol[0], s => s.Number);

    private static readonly (string Symbol, string Number)[] MultiCharSymbols =
        [.. Symbols.Where(s => s.Symbol.Length > 1)];

    private static readonly Dictionary<string, string> Reverse = BuildReverse();

    [GeneratedRegex("^([a-zêü]+)([1-5])([a-zêü]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Tone3Pattern();

    [GeneratedRegex("([aeoiuvnmêü])([1-5])", RegexOptions.CultureInvariant)]
    private static partial Regex Tone2Pattern();

    /// <summary>style.tone converter.to_tone3 (Style.TONE3 of a TONE reading): "zhōng" → "zhong1", "de" → "de".</summary>
    public static string ToTone3(string tone) => MoveNumberToEnd(ReplaceSymbolToNumber(tone));

    /// <summary>tone_to_tone2: "zhōng" → "zho1ng", "lǚ" → "lv3".</summary>
    public static string ToneToTone2(string tone) => Tone3ToTone2(ToTone3(tone));

    /// <summary>tone2_to_tone: "zho1ng" → "zhōng"; '5' and '0' are dropped, v is written ü.</summary>
    public static string Tone2ToTone(string tone2)
    {
        var s = tone2.Replace("ü", "v").Replace("5", "").Replace("0", "");
        s = Tone2Pattern().Replace(s, m => Reverse.TryGetValue(m.Value, out var symbol) && symbol.Length > 0 ? symbol : m.Value);
        return s.Replace("v", "ü");
    }

    /// <summary>Python's re.sub(r'\d', replacement, s) for the ASCII digits pinyin holds.</summary>
    public static string ReplaceDigits(string s, char replacement)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsAsciiDigit(chars[i])) chars[i] = replacement;
        return new string(chars);
    }

    /// <summary>replace_symbol_to_number: tone marks become the letter plus a digit in place.</summary>
    private static string ReplaceSymbolToNumber(string pinyin)
    {
        var sb = new StringBuilder(pinyin.Length + 1);
        foreach (var c in pinyin)
            if (SingleCharSymbols.TryGetValue(c, out var number)) sb.Append(number);
            else sb.Append(c);
        var value = sb.ToString();
        foreach (var (symbol, number) in MultiCharSymbols)
            value = value.Replace(symbol, number, StringComparison.Ordinal);
        return value;
    }

    /// <summary>RE_TONE3.sub(r'\1\3\2', s).</summary>
    private static string MoveNumberToEnd(string s)
    {
        var m = Tone3Pattern().Match(s);
        return m.Success ? m.Groups[1].Value + m.Groups[3].Value + m.Groups[2].Value : s;
    }

    /// <summary>tone3_to_tone2 (v_to_u off).</summary>
    private static string Tone3ToTone2(string tone3)
    {
        var noNumber = RemoveDigits(tone3).Replace("ü", "v"); // tone3_to_normal
        var markIndex = RightMarkIndex(noNumber) ?? noNumber.Length - 1;
        var before = noNumber[..(markIndex + 1)];
        var after = noNumber[(markIndex + 1)..];
        var number = FirstDigit(tone3);
        if (number is null) return tone3;
        return (before + number + after).Replace("ü", "v");
    }

    /// <summary>_tone_rule.right_mark_index: where the tone mark goes ("有 a 不放过, 没 a 找 o、e …").</summary>
    private static int? RightMarkIndex(string p)
    {
        if (p.Contains("iou", StringComparison.Ordinal)) return p.IndexOf('u');
        if (p.Contains("uei", StringComparison.Ordinal)) return p.IndexOf('i');
        if (p.Contains("uen", StringComparison.Ordinal)) return p.IndexOf('u');
        foreach (var c in new[] { "a", "o", "e" })
            if (p.Contains(c, StringComparison.Ordinal)) return p.IndexOf(c, StringComparison.Ordinal) + c.Length - 1;
        foreach (var c in new[] { "iu", "ui" })
            if (p.Contains(c, StringComparison.Ordinal)) return p.IndexOf(c, StringComparison.Ordinal) + c.Length - 1;
        foreach (var c in new[] { "i", "u", "v", "ü" })
            if (p.Contains(c, StringComparison.Ordinal)) return p.IndexOf(c, StringComparison.Ordinal) + c.Length - 1;
        foreach (var c in new[] { "n", "m", "ê" })
            if (p.Contains(c, StringComparison.Ordinal)) return p.IndexOf(c, StringComparison.Ordinal) + c.Length - 1;
        return null;
    }

    private static string RemoveDigits(string s) => string.Concat(s.Where(c => !char.IsAsciiDigit(c)));

    private static string? FirstDigit(string s)
    {
        foreach (var c in s)
            if (char.IsAsciiDigit(c)) return c.ToString();
        return null;
    }

    private static Dictionary<string, string> BuildReverse()
    {
        var reverse = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (symbol, number) in Symbols)
            reverse[number] = symbol;
        return reverse;
    }
}
