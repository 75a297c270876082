// Step 3: emoji. Name mode reads the common chat emoji in the language of their context (🔥 → fire /
// 火) and drops the rest; a run of the same emoji is read once ("🔥🔥🔥" → fire). Drop mode removes
// every emoji. A keycap ("1️⃣") loses its marks and keeps its digit for the number rules.
using System.Text;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Tables;

namespace IShowTts.Text.Normalization.Rules;

internal sealed class EmojiRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        var emoji = EmojiScanner.Find(text);
        if (emoji.Count == 0) return text;
        bool name = context.Options.EmojiMode == EmojiMode.Name;

        var sb = new StringBuilder(text.Length);
        int copied = 0;
        for (int k = 0; k < emoji.Count; k++)
        {
            var e = emoji[k];
            // A run of the same emoji, with nothing but spaces between, is one span.
            int end = e.Index + e.Length;
            while (k + 1 < emoji.Count && emoji[k + 1].Key == e.Key && string.IsNullOrWhiteSpace(text[end..emoji[k + 1].Index]))
                end = emoji[++k].Index + emoji[k].Length;

            string reading = "";
            if (name)
            {
                bool chinese = context.LanguageAt(text, e.Index, end - e.Index) == SpanLanguage.Chinese;
                reading = EmojiNames.Find(e.Key, chinese) ?? EmojiNames.Find(e.FirstKey, chinese) ?? "";
            }
            sb.Append(text, copied, e.Index - copied);
            var fitted = Splicer.Fit(text, e.Index, end - e.Index, reading);
            // The left neighbour may be the previous emoji's name, which the original text does not show.
            if (sb.Length > 0 && fitted.Length > 0 && CharClass.NeedSpace(sb[^1], fitted[0])) sb.Append(' ');
            sb.Append(fitted);
            copied = end;
        }
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }
}
