// Writes an effective configuration back as TOML (`ishowtts config`): every key, with resolved
// absolute paths, so that loading the text gives the same configuration. Secrets can be masked for
// display; masked text is for reading, not for loading.
using Tomlyn;
using Tomlyn.Model;

namespace IShowTts.Configuration;

public static class ConfigurationWriter
{
    public const string Mask = "********";

    public static string Write(IShowTtsConfig config, bool maskSecrets = false)
    {
        string Secret(string value) => maskSecrets && value.Length > 0 ? Mask : value;
        var root = new TomlTable
        {
            ["bind_addr"] = config.BindAddress,
            ["default_voice"] = config.DefaultVoice,
            ["api"] = Api(config.Api, Secret),
            ["f5"] = F5(config.F5),
            ["espeak"] = Espeak(config.Espeak),
            ["danmaku"] = Danmaku(config.Danmaku, Secret),
            ["paths"] = new TomlTable { ["data_dir"] = config.Paths.DataDirectory },
        };
        return TomlSerializer.Serialize(root);
    }

    private static TomlTable Api(ApiSection api, Func<string, string> secret) => new()
    {
        ["max_parallel"] = (long)api.MaxParallel,
        ["queue_capacity"] = (long)api.QueueCapacity,
        ["request_timeout_secs"] = (long)api.RequestTimeoutSecs,
        ["max_text_chars"] = (long)api.MaxTextChars,
        ["max_upload_bytes"] = api.MaxUploadBytes,
        ["max_audio_seconds"] = api.MaxAudioSeconds,
        ["cors_origins"] = Strings(api.CorsOrigins),
        ["allow_insecure_lan"] = api.AllowInsecureLan,
        ["keys"] = Tables(api.Keys, k => new TomlTable { ["name"] = k.Name, ["key"] = secret(k.Key), ["scopes"] = Strings(k.Scopes) }),
    };

    private static TomlTable F5(F5Section f5) => new()
    {
        ["model"] = f5.Model,
        ["ckpt_file"] = f5.CheckpointFile ?? "",
        ["vocab_file"] = f5.VocabFile ?? "",
        ["vocoder_local_path"] = f5.VocoderLocalPath ?? "",
        ["model_dir"] = f5.ModelDirectory,
        ["hf_cache_dir"] = f5.HfCacheDirectory ?? "",
        ["auto_download"] = f5.AutoDownload,
        ["device"] = f5.Device,
        ["default_nfe_step"] = (long)f5.DefaultNfeStep,
        ["voices"] = Tables(f5.Voices, v => new TomlTable
        {
            ["id"] = v.Id,
            ["reference_audio"] = v.ReferenceAudio,
            ["reference_text"] = v.ReferenceText,
            ["language"] = v.Language,
            ["engine_label"] = v.EngineLabel,
            ["preload"] = v.Preload,
            ["owner"] = v.Owner,
            ["consent_note"] = v.ConsentNote,
        }),
    };

    private static TomlTable Espeak(EspeakSection espeak) => new()
    {
        ["voice"] = espeak.Voice,
        ["rate"] = (long)espeak.Rate,
        ["voices"] = Tables(espeak.Voices, v => new TomlTable
        {
            ["id"] = v.Id, ["voice"] = v.Voice, ["rate"] = (long)v.Rate, ["language"] = v.Language, ["engine_label"] = v.EngineLabel,
        }),
    };

    private static TomlTable Danmaku(DanmakuSection d, Func<string, string> secret) => new()
    {
        ["twitch"] = new TomlTable
        {
            ["enabled"] = d.Twitch.Enabled, ["bot_username"] = d.Twitch.BotUsername, ["oauth_token"] = secret(d.Twitch.OAuthToken),
            ["channels"] = Strings(d.Twitch.Channels), ["transport"] = d.Twitch.Transport, ["server"] = d.Twitch.Server,
            ["port"] = (long)d.Twitch.Port,
        },
        ["youtube"] = new TomlTable
        {
            ["enabled"] = d.YouTube.Enabled, ["api_key"] = secret(d.YouTube.ApiKey), ["client_id"] = d.YouTube.ClientId,
            ["client_secret"] = secret(d.YouTube.ClientSecret), ["refresh_token"] = secret(d.YouTube.RefreshToken),
            ["channel_id"] = d.YouTube.ChannelId, ["base_url"] = d.YouTube.BaseUrl, ["token_url"] = d.YouTube.TokenUrl,
            ["min_poll_interval_millis"] = (long)d.YouTube.MinPollIntervalMillis, ["skip_backlog"] = d.YouTube.SkipBacklog,
            ["quota_backoff_secs"] = (long)d.YouTube.QuotaBackoffSecs, ["max_backoff_secs"] = (long)d.YouTube.MaxBackoffSecs,
            ["broadcast_retry_secs"] = (long)d.YouTube.BroadcastRetrySecs,
        },
        ["queue"] = new TomlTable
        {
            ["capacity"] = (long)d.Queue.Capacity, ["rate_limit_per_sec"] = d.Queue.RateLimitPerSec,
            ["duplicate_window_secs"] = (long)d.Queue.DuplicateWindowSecs, ["max_age_secs"] = (long)d.Queue.MaxAgeSecs,
            ["user_chars_per_minute"] = (long)d.Queue.UserCharsPerMinute, ["prefetch"] = (long)d.Queue.Prefetch,
            ["player_buffer"] = (long)d.Queue.PlayerBuffer, ["ack_grace_secs"] = (long)d.Queue.AckGraceSecs,
            ["history_size"] = (long)d.Queue.HistorySize, ["resume_size"] = (long)d.Queue.ResumeSize,
        },
        ["filter"] = new TomlTable
        {
            ["max_words"] = (long)d.Filter.MaxWords, ["max_chars"] = (long)d.Filter.MaxChars, ["allow_links"] = d.Filter.AllowLinks,
            ["banned_keywords"] = Strings(d.Filter.BannedKeywords), ["mode"] = d.Filter.Mode,
            ["ignore_commands"] = d.Filter.IgnoreCommands, ["command_prefixes"] = d.Filter.CommandPrefixes,
            ["allowed_users"] = Strings(d.Filter.AllowedUsers), ["denied_users"] = Strings(d.Filter.DeniedUsers),
            ["user_cooldown_secs"] = (long)d.Filter.UserCooldownSecs, ["max_repeated_chars"] = (long)d.Filter.MaxRepeatedChars,
            ["max_repeated_words"] = (long)d.Filter.MaxRepeatedWords, ["strip_emotes"] = d.Filter.StripEmotes,
        },
        ["tts"] = new TomlTable
        {
            ["voice_id"] = d.Tts.VoiceId, ["engine"] = d.Tts.Engine, ["timeout_secs"] = (long)d.Tts.TimeoutSecs,
            ["nfe_step"] = (long)d.Tts.NfeStep, ["remove_silence"] = d.Tts.RemoveSilence, ["message_template"] = d.Tts.MessageTemplate,
            ["loudness_lufs"] = d.Tts.LoudnessLufs,
            ["channel_voices"] = Tables(d.Tts.ChannelVoices, v => new TomlTable
            {
                ["platform"] = v.Platform, ["channel"] = v.Name, ["voice_id"] = v.VoiceId, ["engine"] = v.Engine,
            }),
            ["user_voices"] = Tables(d.Tts.UserVoices, v => UserVoice(v)),
        },
    };

    private static TomlTable UserVoice(ChatVoiceSection v)
    {
        var table = new TomlTable { ["user"] = v.Name, ["voice_id"] = v.VoiceId, ["engine"] = v.Engine };
        if (v.Platform.Length > 0) table["platform"] = v.Platform;
        return table;
    }

    private static TomlArray Strings(IEnumerable<string> values)
    {
        var array = new TomlArray();
        foreach (var v in values) array.Add(v);
        return array;
    }

    /// <summary>An empty list is written as "key = []" so that it replaces a non-empty default when read back.</summary>
    private static object Tables<T>(IReadOnlyList<T> items, Func<T, TomlTable> toTable)
    {
        if (items.Count == 0) return new TomlArray();
        var array = new TomlTableArray();
        foreach (var item in items) array.Add(toTable(item));
        return array;
    }
}
