// [danmaku.twitch], [danmaku.youtube], [danmaku.queue], [danmaku.filter], [danmaku.tts] — also what
// danmaku_gateway.toml set, since the loader lays that file under this section. Ranges and choices are
// checked here so a typo stops the start with the key's name; docs/chat.md describes every key.
namespace IShowTts.Configuration.Internal.Binding;

internal static class DanmakuBinder
{
    private static readonly string[] Transports = ["tls", "websocket", "tcp"];
    private static readonly string[] Modes = ["everyone", "subscribers", "paid", "approval"];
    private static readonly string[] Platforms = ["twitch", "youtube"];

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
        var settings = new TwitchSection(r.Boolean("enabled", false), r.String("bot_username", "").Trim(), r.String("oauth_token", "").Trim(), channels)
        {
            Transport = r.Choice("transport", "tls", Transports),
            Server = r.String("server", "").Trim(),
            Port = r.Int("port", 0, 0, 65535),
        };
        if (settings.OAuthToken.Length > 0 && settings.BotUsername.Length == 0)
            r.Warn("oauth_token", "is set but bot_username is empty: the login needs both, so chat is read anonymously");
        r.Ignore("client_id", "Twitch chat is read over IRC with oauth_token; client_id is not needed");
        r.Ignore("client_secret", "Twitch chat is read over IRC with oauth_token; client_secret is not needed");
        r.Finish();
        return settings;
    }

    private static YouTubeSection YouTube(TableReader r)
    {
        var settings = new YouTubeSection(r.Boolean("enabled", false), r.String("client_id", "").Trim(), r.String("client_secret", "").Trim(),
            r.String("refresh_token", "").Trim(), r.String("channel_id", "").Trim())
        {
            ApiKey = r.String("api_key", "").Trim(),
            BaseUrl = AbsoluteUrl(r, "base_url", "https://www.googleapis.com/youtube/v3/"),
            TokenUrl = AbsoluteUrl(r, "token_url", "https://oauth2.googleapis.com/token"),
            MinPollIntervalMillis = r.Int("min_poll_interval_millis", 1000, 0, 3_600_000),
            SkipBacklog = r.Boolean("skip_backlog", true),
            QuotaBackoffSecs = r.Int("quota_backoff_secs", 60, 1, 86_400),
            MaxBackoffSecs = r.Int("max_backoff_secs", 1800, 1, 86_400),
            BroadcastRetrySecs = r.Int("broadcast_retry_secs", 30, 1, 86_400),
        };
        if (settings.MaxBackoffSecs < settings.QuotaBackoffSecs)
            r.Error("max_backoff_secs", $"must be ≥ quota_backoff_secs ({settings.QuotaBackoffSecs})");
        bool oauth = settings.ClientId.Length > 0 && settings.ClientSecret.Length > 0 && settings.RefreshToken.Length > 0;
        if (settings.Enabled && !oauth && settings.ApiKey.Length == 0)
            r.Error("enabled", "YouTube chat needs api_key, or client_id + client_secret + refresh_token");
        r.Finish();
        return settings;
    }

    private static ChatQueueSection Queue(TableReader r)
    {
        var settings = new ChatQueueSection(r.Int("capacity", 512, 1, 1_000_000), r.Float("rate_limit_per_sec", 10, 0, 1000))
        {
            DuplicateWindowSecs = r.Int("duplicate_window_secs", 30, 0, 86_400),
            MaxAgeSecs = r.Int("max_age_secs", 120, 0, 86_400),
            UserCharsPerMinute = r.Int("user_chars_per_minute", 0, 0, 10_000_000),
            Prefetch = r.Int("prefetch", 2, 1, 64),
            PlayerBuffer = r.Int("player_buffer", 2, 1, 64),
            AckGraceSecs = r.Int("ack_grace_secs", 10, 0, 3600),
            HistorySize = r.Int("history_size", 100, 0, 100_000),
            ResumeSize = r.Int("resume_size", 20, 0, 10_000),
        };
        r.Finish();
        return settings;
    }

    private static ChatFilterSection Filter(TableReader r)
    {
        var settings = new ChatFilterSection(r.Int("max_words", 77, 1, 100_000), r.Int("max_chars", 280, 1, 1_000_000),
            r.Boolean("allow_links", false), r.StringList("banned_keywords"))
        {
            Mode = r.Choice("mode", "everyone", Modes),
            IgnoreCommands = r.Boolean("ignore_commands", true),
            CommandPrefixes = r.String("command_prefixes", "!"),
            AllowedUsers = r.StringList("allowed_users"),
            DeniedUsers = r.StringList("denied_users"),
            UserCooldownSecs = r.Int("user_cooldown_secs", 0, 0, 86_400),
            MaxRepeatedChars = r.Int("max_repeated_chars", 3, 1, 1000),
            MaxRepeatedWords = r.Int("max_repeated_words", 3, 1, 1000),
            StripEmotes = r.Boolean("strip_emotes", true),
        };
        if (settings.BannedKeywords.Any(string.IsNullOrWhiteSpace)) r.Error("banned_keywords", "has an empty entry");
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
            r.Boolean("remove_silence", true), template)
        {
            Engine = r.String("engine", "").Trim(),
            LoudnessLufs = r.Float("loudness_lufs", -23, -70, 0),
            ChannelVoices = Voices(r, "channel_voices", "channel", registry, platformRequired: true),
            UserVoices = Voices(r, "user_voices", "user", registry, platformRequired: false),
        };
        r.Ignore("endpoint", "chat is spoken in-process; there is no separate TTS endpoint");
        r.Finish();
        return settings;
    }

    private static IReadOnlyList<ChatVoiceSection> Voices(TableReader r, string key, string nameKey, VoiceRegistry registry, bool platformRequired)
    {
        var voices = new List<ChatVoiceSection>();
        foreach (var t in r.Tables(key))
        {
            var platform = platformRequired || t.Has("platform") ? t.Choice("platform", "twitch", Platforms) : "";
            var name = t.RequiredString(nameKey).Trim();
            var voice = t.RequiredString("voice_id").Trim();
            registry.CheckReference(t, "voice_id", voice);
            voices.Add(new ChatVoiceSection(platform, name, voice, t.String("engine", "").Trim()));
            t.Finish();
        }
        return voices;
    }

    private static string AbsoluteUrl(TableReader r, string key, string fallback)
    {
        var url = r.String(key, fallback).Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            r.Error(key, $"\"{url}\" is not an http(s) URL");
        return url;
    }
}
