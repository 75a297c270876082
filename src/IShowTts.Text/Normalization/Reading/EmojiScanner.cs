// Finds emoji in text as whole sequences: a pictographic code point with its variation selector,
// skin tone, keycap mark, tag characters and zero-width-joined partners, or a pair of regional
// indicators (a flag). It names nothing; Tables/EmojiNames does. Ranges follow Unicode's
// Extended_Pictographic blocks closely enough for chat; ©, ® and ™ are not treated as emoji.
using System.Text;

namespace IShowTts.Text.Normalization.Reading;

internal static class EmojiScanner
{
    /// <summary>One emoji sequence: where it is and its lookup key (no FE0F, no skin tones, ZWJ parts kept).</summary>
    public readonly record struct Emoji(int Index, int Length, string Key, string FirstKey);

    public static List<Emoji> Find(string text)
    {
        var found = new List<Emoji>();
        int i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (IsRegionalIndicator(rune.Value) && i + rune.Utf16SequenceLength < text.Length
                && Rune.GetRuneAt(text, i + rune.Utf16SequenceLength) is var second && IsRegionalIndicator(second.Value))
            {
                int flagLength = rune.Utf16SequenceLength + second.Utf16SequenceLength;
                found.Add(new Emoji(i, flagLength, text.Substring(i, flagLength), text.Substring(i, flagLength)));
                i += flagLength;
                continue;
            }
            if (!IsPictographic(rune.Value) && !IsStrayModifier(rune.Value))
            {
                i += rune.Utf16SequenceLength;
                continue;
            }
            int start = i;
            var key = new StringBuilder();
            string? firstKey = null;
            while (true)
            {
                if (IsPictographic(rune.Value)) key.Append(rune.ToString());
                i += rune.Utf16SequenceLength;
                while (i < text.Length && Rune.GetRuneAt(text, i) is var next && IsModifier(next.Value))
                    i += next.Utf16SequenceLength;
                firstKey ??= key.ToString();
                // A zero-width joiner continues the sequence only when a pictograph follows it.
                if (i + 1 < text.Length && text[i] == '\u200D' && Rune.GetRuneAt(text, i + 1) is var joined && IsPictographic(joined.Value))
                {
                    key.Append('\u200D');
                    i += 1;
                    rune = joined;
                    continue;
                }
                break;
            }
            found.Add(new Emoji(start, i - start, key.ToString(), firstKey));
        }
        return found;
    }

    /// <summary>Marks that only modify an emoji; alone they are dropped with it.</summary>
    private static bool IsModifier(int cp) =>
        cp is 0xFE0F or 0xFE0E or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F);

    private static bool IsStrayModifier(int cp) => IsModifier(cp) || cp == 0x200D;

    private static bool IsRegionalIndicator(int cp) => cp is >= 0x1F1E6 and <= 0x1F1FF;

    private static bool IsPictographic(int cp) =>
        cp is (>= 0x1F000 and <= 0x1FAFF) and not (>= 0x1F3FB and <= 0x1F3FF) and not (>= 0x1F1E6 and <= 0x1F1FF)
            or (>= 0x2600 and <= 0x27BF)
            or (>= 0x2B00 and <= 0x2BFF)
            or (>= 0x2300 and <= 0x23FF)
            or 0x203C or 0x2049 or 0x3030 or 0x303D or 0x3297 or 0x3299;
}
