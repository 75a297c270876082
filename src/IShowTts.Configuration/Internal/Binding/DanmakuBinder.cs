// [danmaku.twitch], [danmaku.youtube], [danmaku.queue], [danmaku.filter], [danmaku.tts] — also what
// danmaku_gateway.toml set, since the loader lays that file under this section.
namespace IShowTts.Configuration.Internal.Binding;

internal static class DanmakuBinder
{
    public static DanmakuSection Bind(TableReader r, VoiceRegistry registry)
    {
        var settings = new DanmakuSection(Twitch(r.Table("twitch")), YouTube(r.Table("youtube")), Queue(r.Table("queue")),
            Filter(r.Table("filter")), Tts(r.Table("tts"), registry));
        r.Finish();
        return settings;
    }

    private static TwitchSection Twitch(TableReader r)
    {
        var channels = r.StringList("channels").Select(c => c.Trim().TrimStart('#').ToLowerInvariant()).ToList();
        foreach (var c in channels)
            if (c.Length == 0 || !c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                r.Error("channels", $"\"{c}\" is not a Twitch channel name (letters, digits and '_')");
        var settings = new TwitchSection(r.Boolean("enabled", false), r.String("bot_username", "").Trim(), r.String("oauth_token", "").Trim(), channels);
        r.Ignore("client_id", "Twitch chat is read over IRC with oauth_token; client_id is not needed");
        r.Ignore("client_secret", "Twitch chat is read over IRC with oauth_token; client_secret is not needed");
        r.Finish();
        return settings;
    }

    private static YouTubeSection YouTube(TableReader r)
    {
        var settings = new YouTubeSection(r.Boolean("enabled", false), r.String("client_id", "").Trim(), r.String("client_secret", "").Trim(),
            r.String("refresh_token", "").Trim(), r.String("channel_id", "").Trim());
        r.Finish();
        return settings;
    }

    private static ChatQueueSection Queue(TableReader r)
    {
        var settings = new ChatQueueSection(r.Int("capacity", 512, 1, 1_000_000), r.Float("rate_limit_per_sec", 10, 0.01, 1000));
        r.Finish();
        return settings;
    }

    private static ChatFilterSection Filter(TableReader r)
    {
        var settings = new ChatFilterSection(r.Int("max_words", 77, 1, 100_000), r.Int("max_chars", 280, 1, 1_000_000),
            r.Boolean("allow_links", false), r.StringList("banned_keywords"));
        r.Finish();
        return settings;
    }

    private static ChatTtsSection Tts(TableReader r, VoiceRegistry registry)
    {
        var voiceId = r.String("voice_id", "").Trim();
        registry.CheckReference(r, "voice_id", voiceId);
        var template = r.String("message_template", "{user} says: {message}");
        if (!template.Contains("{message}", StringComparison.Ordinal))
            r.Error("message_template", "must contain {message} (the chat text); {user} is optional");
        var settings = new ChatTtsSection(voiceId, r.Int("timeout_secs", 15, 1, 3600), r.Int("nfe_step", 16, 1, 128),
            r.Boolean("remove_silence", true), template);
        r.Ignore("endpoint", "chat is spoken in-process; there is no separate TTS endpoint");
        r.Finish();
        return settings;
    }
}
