// The chat reader: owns the platform clients, the filters and the speech queue, and is what the server
// wires to routes and players. Messages from clients (or Submit, for /api/danmaku/enqueue) are
// published, filtered and queued; moderation events remove what they name; connection states are kept
// per channel. Everything observable is an EventSubscription or a snapshot; control goes through
// Queue (skip, remove, clear, pause, resume, approve, reject) and Filters (settings).
using IShowTts.Chat.Filters;
using IShowTts.Chat.Internal;
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Twitch;
using IShowTts.Chat.YouTube;

namespace IShowTts.Chat;

public sealed class ChatReader : IChatEventSink, IAsyncDisposable
{
    private readonly DanmakuSettings _settings;
    private readonly ChatReaderOptions _options;
    private readonly TimeProvider _time;
    private readonly ChatLog _log;
    private readonly Broadcaster<ChatMessage> _messages = new();
    private readonly Broadcaster<ModerationEvent> _moderation = new();
    private readonly Broadcaster<ConnectionStatus> _connections = new();
    private readonly SemaphoreSlim _clientsLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<(ChatPlatform, string?), ConnectionStatus> _status = [];
    private readonly Dictionary<string, YouTubeClient> _youTube = new(StringComparer.Ordinal);
    private TwitchClient? _twitch;
    private bool _disposed;

    public ChatReader(DanmakuSettings settings, Func<QueueItem, CancellationToken, Task<SpeechClip>> synthesize, ChatReaderOptions? options = null)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
            throw new ArgumentException("invalid [danmaku] settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(settings));
        _settings = settings;
        _options = options ?? new ChatReaderOptions();
        _time = _options.Time;
        var redactor = new SecretRedactor([settings.Twitch.OauthToken, settings.YouTube.ApiKey, settings.YouTube.ClientSecret, settings.YouTube.RefreshToken]);
        _log = redactor.Wrap(_options.Log);
        Filters = new FilterPipeline(settings.Filter, _time);
        Queue = new SpeechQueue(settings.Queue, settings.Tts, synthesize, _time, _log);
    }

    public DanmakuSettings Settings => _settings;

    public FilterPipeline Filters { get; }

    public SpeechQueue Queue { get; }

    /// <summary>Starts the queue, and the platforms enabled in the settings with their configured channels.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Queue.Start();
        if (_settings.Twitch.Enabled)
            foreach (var channel in _settings.Twitch.Channels)
                await StartChannelAsync(ChatPlatform.Twitch, channel, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (_settings.YouTube.Enabled && !string.IsNullOrWhiteSpace(_settings.YouTube.ChannelId))
            await StartChannelAsync(ChatPlatform.YouTube, _settings.YouTube.ChannelId!, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts reading a channel (POST /api/danmaku/start); a voice or engine given becomes the channel's.</summary>
    public async Task StartChannelAsync(ChatPlatform platform, string channel, string? voiceId = null, string? engine = null,
        CancellationToken cancellationToken = default)
    {
        var name = NormalizeChannel(platform, channel);
        if (name.Length == 0) throw new ArgumentException("the channel name is empty", nameof(channel));
        Queue.Start();
        if (voiceId is not null || engine is not null) Queue.Voices.SetChannel(new ChannelVoice(platform, name, voiceId, engine));
        await _clientsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (platform == ChatPlatform.Twitch)
            {
                _twitch ??= new TwitchClient(_settings.Twitch with { Channels = [] }, this,
                    (_options.Twitch ?? new TwitchClientOptions()) with { Time = _options.Twitch?.Time ?? _time, Log = _options.Twitch?.Log ?? _log });
                await _twitch.JoinAsync(name, cancellationToken).ConfigureAwait(false);
                _twitch.Start();
            }
            else if (!_youTube.ContainsKey(name))
            {
                var client = new YouTubeClient(_settings.YouTube, name, this,
                    (_options.YouTube ?? new YouTubeClientOptions()) with { Time = _options.YouTube?.Time ?? _time, Log = _options.YouTube?.Log ?? _log });
                _youTube[name] = client;
                client.Start();
            }
        }
        finally
        {
            _clientsLock.Release();
        }
        _log(ChatLogLevel.Information, $"chat: reading {platform}/{name}");
    }

    /// <summary>
    /// Stops reading a channel (POST /api/danmaku/stop) and, as the original did, drops what it still had to
    /// say (items enqueued for it included; the playing one is stopped). False when it was not being read.
    /// </summary>
    public async Task<bool> StopChannelAsync(ChatPlatform platform, string channel, string? by = null)
    {
        var name = NormalizeChannel(platform, channel);
        var removed = Queue.RemoveChannel(platform, name, by);
        if (removed > 0) _log(ChatLogLevel.Information, $"chat: {removed} item(s) of {platform}/{name} dropped: the channel was stopped");
        await _clientsLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (platform == ChatPlatform.Twitch)
            {
                if (_twitch is null || !_twitch.Channels.Contains(name)) return false;
                await _twitch.PartAsync(name).ConfigureAwait(false);
                if (_twitch.Channels.Count == 0)
                {
                    await _twitch.DisposeAsync().ConfigureAwait(false);
                    _twitch = null;
                }
            }
            else
            {
                if (!_youTube.Remove(name, out var client)) return false;
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _clientsLock.Release();
        }
        _log(ChatLogLevel.Information, $"chat: stopped reading {platform}/{name}");
        return true;
    }

    /// <summary>The channels being read now.</summary>
    public IReadOnlyList<(ChatPlatform Platform, string Channel)> Channels
    {
        get
        {
            lock (_gate)
                return [.. (_twitch?.Channels ?? []).Select(c => (ChatPlatform.Twitch, c)), .. _youTube.Keys.Select(c => (ChatPlatform.YouTube, c))];
        }
    }

    /// <summary>The latest connection state per platform connection and channel.</summary>
    public IReadOnlyList<ConnectionStatus> Connections
    {
        get { lock (_gate) return [.. _status.Values]; }
    }

    /// <summary>Filters and queues one message (from a client, or /api/danmaku/enqueue). Accepted = the original's 202.</summary>
    public SubmitResult Submit(ChatMessage message)
    {
        if (message.Timestamp == default) message = message with { Timestamp = _time.GetUtcNow() };
        var channel = NormalizeChannel(message.Platform, message.Channel);
        if (channel != message.Channel) message = message with { Channel = channel };
        _messages.Publish(message);
        var filtered = Filters.Apply(message);
        return filtered.Outcome switch
        {
            FilterOutcome.Reject => Queue.RecordFiltered(message, filtered.Text, filtered.Reason!.Value, filtered.Detail),
            FilterOutcome.Hold => Queue.Hold(message, filtered.Text),
            _ => Queue.Enqueue(message, filtered.Text),
        };
    }

    /// <summary>Applies a moderation action (from a client, or an operator). Returns how many items it removed.</summary>
    public int ApplyModeration(ModerationEvent moderation)
    {
        _moderation.Publish(moderation);
        var removed = Queue.ApplyModeration(moderation);
        _log(ChatLogLevel.Information,
            $"chat: {moderation.Kind} in {moderation.Platform}/{moderation.Channel} ({moderation.TargetUsername ?? moderation.TargetMessageId ?? "all"}): {removed} item(s) removed");
        return removed;
    }

    /// <summary>Every message received, before filtering.</summary>
    public EventSubscription<ChatMessage> SubscribeMessages() => _messages.Subscribe();

    public EventSubscription<ModerationEvent> SubscribeModeration() => _moderation.Subscribe();

    public EventSubscription<ConnectionStatus> SubscribeConnections() => _connections.Subscribe();

    /// <summary>Every queue item state change (filtered, queued, dropped, removed, playing, played, skipped…).</summary>
    public EventSubscription<QueueItemChange> SubscribeQueue() => Queue.Subscribe();

    public PlayerSession OpenPlayer(string? name = null) => Queue.OpenPlayer(name);

    void IChatEventSink.OnMessage(ChatMessage message) => Submit(message);

    void IChatEventSink.OnModeration(ModerationEvent moderation) => ApplyModeration(moderation);

    void IChatEventSink.OnConnection(ConnectionStatus status)
    {
        lock (_gate) _status[(status.Platform, status.Channel)] = status;
        _connections.Publish(status);
        _log(status.State is ConnectionState.Disconnected or ConnectionState.BackingOff ? ChatLogLevel.Warning : ChatLogLevel.Debug,
            $"chat: {status.Platform}{(status.Channel is null ? "" : "/" + status.Channel)} {status.State}{(status.Detail is null ? "" : ": " + status.Detail)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _clientsLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_twitch is not null) await _twitch.DisposeAsync().ConfigureAwait(false);
            foreach (var client in _youTube.Values) await client.DisposeAsync().ConfigureAwait(false);
            _youTube.Clear();
            _twitch = null;
        }
        finally
        {
            _clientsLock.Release();
        }
        await Queue.DisposeAsync().ConfigureAwait(false);
        _messages.CompleteAll();
        _moderation.CompleteAll();
        _connections.CompleteAll();
    }

    private static string NormalizeChannel(ChatPlatform platform, string channel) =>
        platform == ChatPlatform.Twitch ? TwitchClient.Normalize(channel) : channel.Trim();
}
