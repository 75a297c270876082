// Step 1: full-width digits and Latin letters become ASCII (２０２４ → 2024, ＩＰＨＯＮＥ → IPHONE), as
// WeTextProcessing's preprocessor does, and ％ ＄ ＠ become % $ @. Full-width ：．／ become ASCII only
// between digits (１２：３０); Chinese punctuation elsewhere is left for the tokeniser.
using System.Text;

namespace IShowTts.Text.Normalization.Rules;

internal sealed class FullwidthRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char mapped = c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
                '％' => '%',
                '＄' => '$',
                '＠' => '@',
                '：' or '．' or '／' when BetweenDigits(text, i) => (char)(c - 0xFEE0),
                _ => c,
            };
            if (mapped != c) (sb ??= new StringBuilder(text, 0, i, text.Length)).Append(mapped);
            else sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }

    private static bool BetweenDigits(string text, int i) =>
        i > 0 && i + 1 < text.Length && IsDigit(text[i - 1]) && IsDigit(text[i + 1]);

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';
}
