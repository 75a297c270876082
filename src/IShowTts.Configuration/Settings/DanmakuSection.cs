// [danmaku.*]: chat ingestion as the original configured it (Twitch, YouTube, queue, filter, tts),
// kept as plain values; the chat library turns them into its own records.
namespace IShowTts.Configuration;

public sealed record DanmakuSection(TwitchSection Twitch, YouTubeSection YouTube, ChatQueueSection Queue,
    ChatFilterSection Filter, ChatTtsSection Tts);
