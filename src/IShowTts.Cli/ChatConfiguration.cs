// Maps the [danmaku.*] configuration (plain values, checked by the loader) onto the chat library's
// settings records and the server's chat speech options. The only place the two vocabularies meet.
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Configuration;
using IShowTts.Server.Danmaku;

namespace IShowTts.Cli;

public static class ChatConfiguration
{
    public static DanmakuSettings Settings(DanmakuSection d) => new()
    {
        Twitch = new TwitchSettings
        {
            Enabled = d.Twitch.Enabled,
            BotUsername = Blank(d.Twitch.BotUsername),
            // The loader warned already: a token without a bot name cannot log in, so chat is read anonymously.
            OauthToken = d.Twitch.BotUsername.Length == 0 ? null : Blank(d.Twitch.OAuthToken),
            Channels = d.Twitch.Channels,
            Transport = Enum.Parse<TwitchTransport>(d.Twitch.Transport, ignoreCase: true),
            Server = Blank(d.Twitch.Server),
            Port = d.Twitch.Port,
        },
        YouTube = new YouTubeSettings
        {
            Enabled = d.YouTube.Enabled,
            ApiKey = Blank(d.YouTube.ApiKey),
            ClientId = Blank(d.YouTube.ClientId),
            ClientSecret = Blank(d.YouTube.ClientSecret),
            RefreshToken = Blank(d.YouTube.RefreshToken),
            ChannelId = Blank(d.YouTube.ChannelId),
            BaseUrl = d.YouTube.BaseUrl,
            TokenUrl = d.YouTube.TokenUrl,
            MinPollIntervalMillis = d.YouTube.MinPollIntervalMillis,
            SkipBacklog = d.YouTube.SkipBacklog,
            QuotaBackoffSecs = d.YouTube.QuotaBackoffSecs,
            MaxBackoffSecs = d.YouTube.MaxBackoffSecs,
            BroadcastRetrySecs = d.YouTube.BroadcastRetrySecs,
        },
        Queue = new QueueSettings
        {
            Capacity = d.Queue.Capacity,
            RateLimitPerSec = d.Queue.RateLimitPerSec,
            DuplicateWindowSecs = d.Queue.DuplicateWindowSecs,
            MaxAgeSecs = d.Queue.MaxAgeSecs,
            UserCharsPerMinute = d.Queue.UserCharsPerMinute,
            Prefetch = d.Queue.Prefetch,
            PlayerBuffer = d.Queue.PlayerBuffer,
            AckGraceSecs = d.Queue.AckGraceSecs,
            HistorySize = d.Queue.HistorySize,
            ResumeSize = d.Queue.ResumeSize,
        },
        Filter = new FilterSettings
        {
            MaxWords = d.Filter.MaxWords,
            MaxChars = d.Filter.MaxChars,
            AllowLinks = d.Filter.AllowLinks,
            BannedKeywords = d.Filter.BannedKeywords,
            Mode = Enum.Parse<ChatMode>(d.Filter.Mode, ignoreCase: true),
            IgnoreCommands = d.Filter.IgnoreCommands,
            CommandPrefixes = d.Filter.CommandPrefixes,
            AllowedUsers = d.Filter.AllowedUsers,
            DeniedUsers = d.Filter.DeniedUsers,
            UserCooldownSecs = d.Filter.UserCooldownSecs,
            MaxRepeatedChars = d.Filter.MaxRepeatedChars,
            MaxRepeatedWords = d.Filter.MaxRepeatedWords,
            StripEmotes = d.Filter.StripEmotes,
        },
        Tts = new TtsSettings
        {
            VoiceId = Blank(d.Tts.VoiceId),
            Engine = Blank(d.Tts.Engine),
            TimeoutSecs = d.Tts.TimeoutSecs,
            MessageTemplate = d.Tts.MessageTemplate,
            ChannelVoices = d.Tts.ChannelVoices.Select(v => new ChannelVoice(Platform(v.Platform), v.Name, v.VoiceId, Blank(v.Engine))).ToArray(),
            UserVoices = d.Tts.UserVoices.Select(v => new UserVoice(v.Name, v.VoiceId, v.Platform.Length == 0 ? null : Platform(v.Platform), Blank(v.Engine))).ToArray(),
        },
    };

    public static ChatSpeechOptions Speech(ChatTtsSection tts) => new()
    {
        NfeStep = tts.NfeStep,
        RemoveSilence = tts.RemoveSilence,
        LoudnessLufs = tts.LoudnessLufs,
    };

    private static ChatPlatform Platform(string name) => Enum.Parse<ChatPlatform>(name, ignoreCase: true);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
