// F5-TTS's text frontend, convert_char_to_pinyin([text])[0] with polyphone=True: ";" and curly quotes
// are straightened, jieba cuts the text, ASCII segments are kept character by character (with a " "
// before a multi-character one), Han segments become " " + TONE3 pinyin via pypinyin with tone sandhi.
// Not a normaliser (numbers, symbols are not read out) and not the vocabulary lookup (Vocabulary).
using IShowTts.Text.Internal;
using IShowTts.Text.Pinyin;
using IShowTts.Text.Segmentation;

namespace IShowTts.Text;

public static class TextFrontend
{
    // Tokens after which no " " is inserted before an ASCII segment (Python: char_list[-1] in " :'\"").
    private const string NoSpaceAfter = " :'\"";

    /// <summary>The token list F5-TTS builds for <paramref name="text"/>: exactly convert_char_to_pinyin([text])[0].</summary>
    public static IReadOnlyList<string> ToTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>(text.Length * 2);
        foreach (var segment in WordSegmenter.Default.Cut(Straighten(text)))
        {
            var bytes = CodePoints.Utf8Length(segment);
            var chars = CodePoints.Split(segment);
            if (bytes == chars.Count)
                AppendAscii(tokens, segment, chars);
            else if (bytes == 3 * chars.Count)
                AppendEastAsian(tokens, segment, chars);
            else
                AppendMixed(tokens, chars);
        }
        return tokens;
    }

    /// <summary>ToTokens then <see cref="Vocabulary.Encode"/>: the text ids CFM.sample receives.</summary>
    public static int[] ToIds(string text, Vocabulary vocabulary, out IReadOnlyList<string> unknownTokens) =>
        vocabulary.Encode(ToTokens(text), out unknownTokens);

    /// <summary>F5's custom_trans: ";"→",", "“" "”"→'"', "‘" "’"→"'".</summary>
    internal static string Straighten(string text) =>
        text.Replace(';', ',').Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'');

    private static void AppendAscii(List<string> tokens, string segment, List<string> chars)
    {
        // Python's `x not in " :'\""` is a substring test.
        if (tokens.Count > 0 && segment.Length > 1 && !NoSpaceAfter.Contains(tokens[^1], StringComparison.Ordinal))
            tokens.Add(" ");
        tokens.AddRange(chars);
    }

    private static void AppendEastAsian(List<string> tokens, string segment, List<string> chars)
    {
        var pinyin = PinyinConverter.LazyPinyinTone3Sandhi(segment);
        if (pinyin.Count < chars.Count)
        {
            // Unreachable with jieba's segments (a multi-character one of 3-byte characters is all Han);
            // the official code would raise IndexError here, so keep the characters as the mixed path does.
            AppendMixed(tokens, chars);
            return;
        }
        for (var i = 0; i < chars.Count; i++)
        {
            if (IsChinese(chars[i])) tokens.Add(" ");
            tokens.Add(pinyin[i]);
        }
    }

    private static void AppendMixed(List<string> tokens, List<string> chars)
    {
        foreach (var c in chars)
        {
            if (IsChinese(c))
            {
                tokens.Add(" ");
                tokens.AddRange(PinyinConverter.LazyPinyinTone3Sandhi(c));
            }
            else
            {
                tokens.Add(c);
            }
        }
    }

    /// <summary>F5's is_chinese: "\u3100" &lt;= c &lt;= "\u9fff".</summary>
    private static bool IsChinese(string c) => CodePoints.ValueAt(c, 0) is >= 0x3100 and <= 0x9FFF;
}
