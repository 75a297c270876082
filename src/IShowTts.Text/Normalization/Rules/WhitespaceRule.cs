// Last step: tidies the spaces the rules left: runs of spaces become one, no space before
// punctuation, none at either end. Line breaks are kept; nothing else is touched.
using System.Text.RegularExpressions;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class WhitespaceRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        text = Spaces().Replace(text, " ");
        text = SpaceBeforePunctuation().Replace(text, "");
        return text.Trim(' ', '\t');
    }

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ \t]+(?=[,.!?;:，。！？；：、)）])")]
    private static partial Regex SpaceBeforePunctuation();
}
