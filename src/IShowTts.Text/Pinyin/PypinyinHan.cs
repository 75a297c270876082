// pypinyin 0.55.0's RE_HANS character class (the UCS-4 build): the code points pypinyin treats as Han
// and looks up in its dictionaries. Wider than F5's is_chinese (U+3100–U+9FFF) and jieba's Han range.
namespace IShowTts.Text.Pinyin;

internal static class PypinyinHan
{
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x3007, 0x3007), (0xE815, 0xE864), (0xFA18, 0xFA18), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
        (0xF900, 0xFAFF), (0x20000, 0x2A6DF), (0x2A703, 0x2B73F), (0x2B740, 0x2B81D), (0x2B825, 0x2BF6E),
        (0x2C029, 0x2CE93), (0x2D016, 0x2D016), (0x2D11B, 0x2EBD9), (0x2F80A, 0x2FA1F), (0x30000, 0x3134A),
        (0x300F7, 0x31288), (0x30EDD, 0x30EDD), (0x30EDE, 0x30EDE), (0x31350, 0x32389),
    ];

    public static bool Contains(int codePoint)
    {
        foreach (var (first, last) in Ranges)
            if (codePoint >= first && codePoint <= last) return true;
        return false;
    }
}
