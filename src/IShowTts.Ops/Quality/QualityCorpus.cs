// The sentences of a quality session: the original's six categories (short, medium, long, emotion,
// tech, stream), two sentences each in English and in Chinese, written for this project. Fixed, so
// sessions made on different days compare like with like.
namespace IShowTts.Ops.Quality;

public sealed record QualitySentence(string Category, string Language, string Text);

public static class QualityCorpus
{
    public static IReadOnlyList<string> Categories { get; } = ["short", "medium", "long", "emotion", "tech", "stream"];

    public static IReadOnlyList<string> Languages { get; } = ["en", "zh"];

    public static IReadOnlyList<QualitySentence> All { get; } =
    [
        new("short", "en", "Thanks for the follow!"),
        new("short", "en", "Good night, everyone."),
        new("short", "zh", "谢谢你的关注！"),
        new("short", "zh", "大家晚安。"),
        new("medium", "en", "Welcome back to the stream, today we are finishing the castle we started last week."),
        new("medium", "en", "If you just joined, grab a drink and tell me where you are watching from."),
        new("medium", "zh", "欢迎回到直播间，今天我们要把上周开始的城堡建完。"),
        new("medium", "zh", "刚来的朋友可以先喝口水，告诉我你们在哪里看直播。"),
        new("long", "en", "Before we start the next round, a quick reminder: the giveaway closes at nine tonight, the winner is drawn live on " +
                          "stream, and you only need to be following the channel to take part, no purchase needed."),
        new("long", "en", "When I first tried this game I could not get past the second level for a whole week, so if you are stuck right now, " +
                          "take a break, come back tomorrow, and you will be surprised how much easier it feels."),
        new("long", "zh", "开始下一轮之前提醒一下：抽奖今晚九点截止，中奖者会在直播中现场抽出，只要关注频道就能参加，不需要购买任何东西。"),
        new("long", "zh", "我第一次玩这个游戏的时候，整整一个星期都过不了第二关，所以如果你现在卡住了，先休息一下，明天再来，你会发现容易多了。"),
        new("emotion", "en", "No way, we actually did it! I can't believe that worked!"),
        new("emotion", "en", "Oh no, the boss came back with half its health, this is so unfair."),
        new("emotion", "zh", "不会吧，我们真的做到了！简直不敢相信！"),
        new("emotion", "zh", "哎呀，老板又回来了，还剩一半的血，太不公平了。"),
        new("tech", "en", "The GPU runs at 1980 MHz and the request took 45 ms at NFE 7, an RTF of 0.011."),
        new("tech", "en", "Set bind_addr to 127.0.0.1:27121 and restart the server with the new API key."),
        new("tech", "zh", "显卡频率是1980兆赫，这个请求在七步采样下用了45毫秒。"),
        new("tech", "zh", "把端口改成27121，然后用新的密钥重启服务器。"),
        new("stream", "en", "NightOwl42 says: is this the same build as yesterday or did you change the sword?"),
        new("stream", "en", "Pixel_Fox says: hype! Five gifted subs for the chat!"),
        new("stream", "zh", "小明说：主播今天打得真好，加油！"),
        new("stream", "zh", "夜猫子说：这把剑是哪里拿到的？"),
    ];

    /// <summary>The sentences of the given categories and languages (all when null), in corpus order.</summary>
    public static IReadOnlyList<QualitySentence> Select(IReadOnlyCollection<string>? categories, IReadOnlyCollection<string>? languages)
    {
        foreach (var c in categories ?? [])
            if (!Categories.Contains(c)) throw new OpsException($"unknown category '{c}' (known: {string.Join(", ", Categories)})");
        foreach (var l in languages ?? [])
            if (!Languages.Contains(l)) throw new OpsException($"unknown language '{l}' (known: {string.Join(", ", Languages)})");
        return All.Where(s => (categories is null || categories.Contains(s.Category)) && (languages is null || languages.Contains(s.Language))).ToList();
    }
}
