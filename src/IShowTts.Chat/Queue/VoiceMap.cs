// Which voice and engine speak an item: the user's own voice if one is mapped, else the channel's,
// else the [danmaku.tts] default. Thread-safe; edited at run time by start and the API.
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Queue;

public sealed class VoiceMap
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ChatPlatform, string), ChannelVoice> _channels = [];
    private readonly List<UserVoice> _users = [];
    private string? _defaultVoice;
    private string? _defaultEngine;

    public VoiceMap(TtsSettings settings)
    {
        _defaultVoice = settings.VoiceId;
        _defaultEngine = settings.Engine;
        foreach (var channel in settings.ChannelVoices) SetChannel(channel);
        foreach (var user in settings.UserVoices) SetUser(user);
    }

    public void SetDefault(string? voiceId, string? engine)
    {
        lock (_gate) (_defaultVoice, _defaultEngine) = (voiceId, engine);
    }

    public void SetChannel(ChannelVoice voice)
    {
        lock (_gate) _channels[(voice.Platform, Key(voice.Channel))] = voice;
    }

    public bool RemoveChannel(ChatPlatform platform, string channel)
    {
        lock (_gate) return _channels.Remove((platform, Key(channel)));
    }

    public void SetUser(UserVoice voice)
    {
        lock (_gate)
        {
            _users.RemoveAll(u => u.Platform == voice.Platform && string.Equals(u.User, voice.User, StringComparison.OrdinalIgnoreCase));
            _users.Add(voice);
        }
    }

    public bool RemoveUser(string user, ChatPlatform? platform = null)
    {
        lock (_gate) return _users.RemoveAll(u => u.Platform == platform && string.Equals(u.User, user, StringComparison.OrdinalIgnoreCase)) > 0;
    }

    public IReadOnlyList<ChannelVoice> Channels
    {
        get { lock (_gate) return [.. _channels.Values]; }
    }

    public IReadOnlyList<UserVoice> Users
    {
        get { lock (_gate) return [.. _users]; }
    }

    public (string? VoiceId, string? Engine) Resolve(ChatMessage message)
    {
        lock (_gate)
        {
            foreach (var user in _users)
                if ((user.Platform is null || user.Platform == message.Platform) && Filters.UserMatcher.Matches(message, user.User))
                    return (user.VoiceId, user.Engine ?? Channel(message)?.Engine ?? _defaultEngine);
            var channel = Channel(message);
            return (channel?.VoiceId ?? _defaultVoice, channel?.Engine ?? _defaultEngine);
        }
    }

    private ChannelVoice? Channel(ChatMessage message) =>
        _channels.TryGetValue((message.Platform, Key(message.Channel)), out var voice) ? voice : null;

    private static string Key(string channel) => channel.Trim().TrimStart('#').ToLowerInvariant();
}
