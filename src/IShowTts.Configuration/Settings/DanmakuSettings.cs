// [danmaku.*]: chat ingestion as the original configured it (Twitch, YouTube, queue, filter, tts),
// kept as plain values; the chat library turns them into its own records.
namespace IShowTts.Configuration;

public sealed record DanmakuSettings(TwitchSettings Twitch, YouTubeSettings YouTube, ChatQueueSettings Queue,
    ChatFilterSettings Filter, ChatTtsSettings Tts);
