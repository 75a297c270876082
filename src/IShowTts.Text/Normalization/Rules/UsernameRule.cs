// Step 4: usernames. "@name" and bare handles joined by underscores ("user_name123") are split
// into words at underscores, camelCase humps and letter/digit boundaries; the "@" is dropped and
// digits are read one by one, as NeMo reads them in e-mail names. The digits' language is that of
// the name's own letters (Latin → English, Chinese → Chinese), else of the context.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class UsernameRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, Mention(), context, (m, lang) => Read(m.Groups["name"].Value, lang));
        return Splicer.Replace(text, Handle(), context, (m, lang) => Read(m.Value, lang));
    }

    /// <summary>"user_name123" → "user name one two three"; "CoolGamer" → "Cool Gamer".</summary>
    public static string Read(string name, SpanLanguage contextLanguage)
    {
        var language = name.Any(CharClass.IsLatin) ? SpanLanguage.English
            : name.Any(CharClass.IsChinese) ? SpanLanguage.Chinese
            : contextLanguage;
        var words = new List<string>();
        foreach (Match piece in Piece().Matches(name))
            words.Add(char.IsAsciiDigit(piece.Value[0])
                ? language == SpanLanguage.Chinese ? ChineseNumbers.Digits(piece.Value) : EnglishNumbers.Digits(piece.Value)
                : piece.Value);
        return CharClass.Join(words);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])@(?<name>[\p{L}\p{N}_]+)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![A-Za-z0-9_@])_*[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+_*(?![A-Za-z0-9_])")]
    private static partial Regex Handle();

    // Upper-case runs ("XML" in "XMLParser"), capitalised words, lower-case words, digits, other letters.
    [GeneratedRegex(@"[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|[0-9]+|[^\sA-Za-z0-9_]+")]
    private static partial Regex Piece();
}
