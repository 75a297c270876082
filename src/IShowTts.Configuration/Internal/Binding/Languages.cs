// The languages a voice may declare (what the text frontend supports) and their accepted spellings.
namespace IShowTts.Configuration.Internal.Binding;

internal static class Languages
{
    public static readonly IReadOnlyList<string> Supported = ["en-US", "zh-CN"];

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["en"] = "en-US", ["en_us"] = "en-US", ["english"] = "en-US",
        ["zh"] = "zh-CN", ["zh_cn"] = "zh-CN", ["zh-hans"] = "zh-CN", ["cmn"] = "zh-CN", ["chinese"] = "zh-CN",
    };
}
