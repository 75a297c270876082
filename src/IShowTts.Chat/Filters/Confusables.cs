// Look-alike and leetspeak folding for banned-word matching: maps one code point to the plain
// lower-case ASCII letter it imitates (Cyrillic/Greek homoglyphs, accented Latin, full-width,
// mathematical, circled, squared and regional-indicator letters, 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s),
// and folds l/1/| onto i so "1" can stand for either. Not a transliterator: only for matching.
using System.Globalization;
using System.Text;

namespace IShowTts.Chat.Filters;

internal static class Confusables
{
    private static readonly Dictionary<int, char> Table = Build();

    /// <summary>True for characters that are invisible or decorate the previous one (dropped).</summary>
    public static bool IsIgnorable(Rune rune)
    {
        var value = rune.Value;
        if (value is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x3164 or 0xFEFF or 0xFFA0)
            return true;
        if (value is >= 0x200B and <= 0x200F or >= 0x202A and <= 0x202E or >= 0x2060 and <= 0x206F)
            return true;
        if (value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF or >= 0xE0000 and <= 0xE007F)
            return true;
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    /// <summary>The folded character: an ASCII letter, another script's lower-case letter, or ' ' for a separator.</summary>
    public static Rune Fold(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0; // full-width ASCII
        else if (value is >= 0x1D400 and <= 0x1D6A3) value = MathLetter(value - 0x1D400);
        else if (value is >= 0x1D7CE and <= 0x1D7FF) value = '0' + (value - 0x1D7CE) % 10;
        else if (value is >= 0x24B6 and <= 0x24CF) value = 'a' + value - 0x24B6; // Ⓐ
        else if (value is >= 0x24D0 and <= 0x24E9) value = 'a' + value - 0x24D0; // ⓐ
        else if (value is >= 0x249C and <= 0x24B5) value = 'a' + value - 0x249C; // ⒜
        else if (value is >= 0x1F130 and <= 0x1F149) value = 'a' + value - 0x1F130; // 🄰
        else if (value is >= 0x1F150 and <= 0x1F169) value = 'a' + value - 0x1F150; // 🅐
        else if (value is >= 0x1F170 and <= 0x1F189) value = 'a' + value - 0x1F170; // 🅰
        else if (value is >= 0x1F1E6 and <= 0x1F1FF) value = 'a' + value - 0x1F1E6; // regional indicators
        else if (value is >= 0x2460 and <= 0x2468) value = '1' + value - 0x2460; // ①

        if (Table.TryGetValue(value, out var mapped)) return new Rune(mapped);
        var lower = Rune.ToLowerInvariant(new Rune(value));
        if (Table.TryGetValue(lower.Value, out mapped)) return new Rune(mapped);
        if (lower.Value is >= 'a' and <= 'z') return lower;
        return Rune.IsLetter(lower) ? lower : new Rune(' ');
    }

    // 13 alphabets of 52 letters (A–Z then a–z) from U+1D400; the reserved holes never occur in text.
    private static int MathLetter(int offset)
    {
        var index = offset % 52;
        return index < 26 ? 'a' + index : 'a' + index - 26;
    }

    private static Dictionary<int, char> Build()
    {
        var table = new Dictionary<int, char>();
        void Add(string from, char to)
        {
            foreach (var rune in from.EnumerateRunes()) table[rune.Value] = to;
        }

        // Leetspeak and the i/l/1 class.
        Add("0", 'o'); Add("1|lI", 'i'); Add("3", 'e'); Add("4@", 'a'); Add("5$", 's'); Add("7", 't');
        Add("8", 'b'); Add("9", 'g');

        // Accented Latin (Latin-1 Supplement, Latin Extended-A/B) to the base letter.
        Add("àáâãäåāăąǎǻȁȃȧạảấầẩẫậắằẳẵặÀÁÂÃÄÅĀĂĄǍ", 'a');
        Add("çćĉċčÇĆĈĊČ", 'c'); Add("ďđĎĐ", 'd');
        Add("èéêëēĕėęěȅȇẹẻẽếềểễệÈÉÊËĒĔĖĘĚ", 'e'); Add("ĝğġģĜĞĠĢ", 'g'); Add("ĥħĤĦ", 'h');
        Add("ìíîïĩīĭįıǐȉȋịỉÌÍÎÏĨĪĬĮİǏ", 'i'); Add("ĵĴ", 'j'); Add("ķĶ", 'k'); Add("ĺļľŀłĹĻĽĿŁ", 'i');
        Add("ñńņňŉÑŃŅŇ", 'n'); Add("òóôõöøōŏőǒȍȏọỏốồổỗộớờởỡợơÒÓÔÕÖØŌŎŐǑƠ", 'o');
        Add("ŕŗřŔŖŘ", 'r'); Add("śŝşšșŚŜŞŠȘß", 's'); Add("ţťŧțŢŤŦȚ", 't');
        Add("ùúûüũūŭůűųǔưụủứừửữựÙÚÛÜŨŪŬŮŰŲǓƯ", 'u'); Add("ŵŴ", 'w'); Add("ýÿŷỳỵỷỹÝŸŶ", 'y'); Add("źżžŹŻŽ", 'z');

        // Cyrillic look-alikes (upper case listed where it differs in shape from the lower case).
        Add("аА", 'a'); Add("вВьЬЪъ", 'b'); Add("сС", 'c'); Add("ԁ", 'd'); Add("еЕёЁ", 'e'); Add("һНн", 'h');
        Add("іІїЇӏӀ", 'i'); Add("јЈ", 'j'); Add("кК", 'k'); Add("мМ", 'm'); Add("оО", 'o'); Add("рР", 'p');
        Add("ԛ", 'q'); Add("гГ", 'r'); Add("ѕЅ", 's'); Add("тТ", 't'); Add("ѵѴ", 'v'); Add("ԝԜ", 'w');
        Add("хХ", 'x'); Add("уУүҮ", 'y'); Add("пП", 'n'); Add("зЗ", 'e');

        // Greek look-alikes.
        Add("αΑά", 'a'); Add("βΒ", 'b'); Add("εΕέ", 'e'); Add("Η", 'h'); Add("ηή", 'n'); Add("ιΙίϊΐ", 'i');
        Add("κΚ", 'k'); Add("Μ", 'm'); Add("Ν", 'n'); Add("ν", 'v'); Add("οΟό", 'o'); Add("ρΡ", 'p'); Add("τΤ", 't');
        Add("υύϋ", 'u'); Add("Υγ", 'y'); Add("χΧ", 'x'); Add("Ζζ", 'z'); Add("ωώ", 'w'); Add("ς", 's');
        return table;
    }
}
