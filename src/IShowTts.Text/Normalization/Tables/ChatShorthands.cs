// Chat abbreviations that have one standard spoken reading. English ones are the expansions every
// chat glossary agrees on; Chinese ones are pinyin initialisms of fixed phrases (yyds 永远的神).
// Left out on purpose: lol, lmao, kek, pog, wtf (spoken as words or letters, no one reading) and
// ambiguous pinyin (dd, mm, nb). Matching is whole-token and case-insensitive. Data, not logic.
namespace IShowTts.Text.Normalization.Tables;

internal static class ChatShorthands
{
    public static IReadOnlyList<Shorthand> All { get; } =
    [
        English("gg", "good game"),
        English("ggwp", "good game well played"),
        English("wp", "well played"),
        English("glhf", "good luck have fun"),
        English("gl", "good luck"),
        English("hf", "have fun"),
        English("brb", "be right back"),
        English("btw", "by the way"),
        English("idk", "I don't know"),
        English("imo", "in my opinion"),
        English("imho", "in my humble opinion"),
        English("tbh", "to be honest"),
        English("omg", "oh my god"),
        English("thx", "thanks"),
        English("ty", "thank you"),
        English("tysm", "thank you so much"),
        English("np", "no problem"),
        English("nvm", "never mind"),
        English("irl", "in real life"),
        English("smh", "shaking my head"),
        English("rn", "right now"),
        English("pls", "please"),
        English("plz", "please"),
        English("ikr", "I know right"),
        English("afaik", "as far as I know"),
        English("w/o", "without"),
        English("w/", "with"),
        new("vs", "versus", "对"),
        new("vs.", "versus", "对"),
        new("24/7", "twenty four seven", "全天候"),
        Chinese("yyds", "永远的神"),
        Chinese("xswl", "笑死我了"),
        Chinese("awsl", "啊我死了"),
        Chinese("u1s1", "有一说一"),
        Chinese("yysy", "有一说一"),
        Chinese("nsdd", "你说得对"),
        Chinese("dbq", "对不起"),
        Chinese("xdm", "兄弟们"),
        Chinese("jms", "姐妹们"),
        Chinese("gkd", "搞快点"),
        Chinese("bdjw", "不懂就问"),
        Chinese("zqsg", "真情实感"),
        Chinese("kswl", "磕死我了"),
        Chinese("dddd", "懂的都懂"),
    ];

    private static Shorthand English(string written, string reading) => new(written, reading, reading);

    private static Shorthand Chinese(string written, string reading) => new(written, reading, reading);

    public static Shorthand? Find(string written) =>
        All.FirstOrDefault(s => string.Equals(s.Written, written, StringComparison.OrdinalIgnoreCase));
}
