// Chinese measure words and number suffixes. Liang: before these a lone 2 reads 两 (两个, 两次, 两万),
// after WeTextProcessing's measure rule. NumberSuffixes: anything that makes a digit string a
// quantity or a date, so the chat reading (六六六) must not apply. Data, not logic.
namespace IShowTts.Text.Normalization.Tables;

internal static class ChineseMeasureWords
{
    /// <summary>Multi-character entries first so the longest one matches ("个月" before "个").</summary>
    public static IReadOnlyList<string> Liang { get; } =
    [
        "个月", "分钟", "小时", "秒钟", "年前", "年后", "年来", "年内", "公斤", "公里", "千米",
        "个", "位", "名", "人", "次", "遍", "回", "场", "局", "把", "件", "本", "块", "张", "只", "条",
        "支", "杯", "瓶", "碗", "份", "种", "部", "首", "篇", "页", "天", "周", "岁", "倍", "斤", "米",
        "辆", "台", "双", "对", "家", "门", "颗", "粒", "句", "段", "套", "盒", "包", "箱", "袋", "口",
        "头", "匹", "棵", "座", "间", "所", "节", "集", "期", "轮", "下", "声", "步", "发", "枪", "刀",
        "拳", "圈", "波", "关", "点", "分", "秒", "毛", "角", "元", "百", "千", "万", "亿", "项", "根",
        "片", "封", "票", "条", "届",
    ];

    /// <summary>Characters after which a number is a quantity, a date or a rank, never chat slang.</summary>
    public const string NumberSuffixes = "个位名人次遍回场局把件本块张只条支杯瓶碗份种部首篇页天周岁倍斤米辆台双对家门颗粒句段套盒包箱袋口头匹棵座间所节集期轮下声步发枪刀拳圈波关点分秒毛角元百千万亿项根片封票届年月日号楼层级等路度码字赞粉章话";

    /// <summary>The measure word that starts <paramref name="text"/> at <paramref name="index"/>, or null.</summary>
    public static string? LiangAt(string text, int index)
    {
        foreach (var word in Liang)
            if (string.CompareOrdinal(text, index, word, 0, word.Length) == 0) return word;
        return null;
    }
}
