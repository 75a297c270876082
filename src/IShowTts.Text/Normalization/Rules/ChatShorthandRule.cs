// Step 5: chat shorthand with a standard reading (Tables/ChatShorthands: gg → good game, yyds →
// 永远的神), laughter typed as "hhhh" (哈哈哈 / ha ha ha) and a lone "&" (and / 和). Whole tokens only,
// case-insensitive; it runs before the number rules so "u1s1" and "24/7" are never read as numbers.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class ChatShorthandRule : INormalizationRule
{
    private static readonly Regex Token = new(
        @"(?<![A-Za-z0-9])(?:" +
        string.Join('|', ChatShorthands.All.Select(s => s.Written).OrderByDescending(w => w.Length).Select(Regex.Escape)) +
        @")(?![A-Za-z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public string Apply(string text, NormalizationContext context)
    {
        text = Splicer.Replace(text, Token, context, (m, lang) =>
            ChatShorthands.Find(m.Value) is { } s ? (lang == SpanLanguage.Chinese ? s.Chinese : s.English) : null);
        text = Splicer.Replace(text, Laughter(), context, (m, lang) => lang == SpanLanguage.Chinese ? "哈哈哈" : "ha ha ha");
        return Splicer.Replace(text, Ampersand(), context, (m, lang) => lang == SpanLanguage.Chinese ? "和" : "and");
    }

    [GeneratedRegex(@"(?<![A-Za-z])[hH]{3,}(?![A-Za-z])")]
    private static partial Regex Laughter();

    [GeneratedRegex(@"(?<=\s)&(?=\s)")]
    private static partial Regex Ampersand();
}
