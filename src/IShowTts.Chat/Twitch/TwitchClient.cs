// The Twitch chat reader: connects (TLS, WebSocket or TCP), asks for twitch.tv/tags and
// twitch.tv/commands, logs in with the bot's OAuth token or anonymously as justinfanNNNNN, joins every
// channel, answers PING, pings a silent server itself, obeys RECONNECT, and after any loss reconnects
// with exponential back-off and jitter and joins the same channels again. What it reads goes to the
// sink as messages, moderation events and connection states. Read-only: it never sends chat.
using IShowTts.Chat.Internal;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Twitch.Internal;

namespace IShowTts.Chat.Twitch;

public sealed class TwitchClient : IAsyncDisposable
{
    private readonly TwitchSettings _settings;
    private readonly IChatEventSink _sink;
    private readonly TwitchClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ChatLog _log;
    private readonly SecretRedactor _redactor;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _channels = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IIrcConnection? _connection;
    private bool _registered;
    private Task? _run;

    public TwitchClient(TwitchSettings settings, IChatEventSink sink, TwitchClientOptions? options = null)
    {
        var problems = settings.Validate();
        if (problems.Count > 0) throw new ArgumentException("invalid Twitch settings: " + string.Join("; ", problems), nameof(settings));
        _settings = settings;
        _sink = sink;
        _options = options ?? new TwitchClientOptions();
        _time = _options.Time ?? TimeProvider.System;
        var token = settings.OauthToken?.Trim();
        _redactor = new SecretRedactor([token, token?.StartsWith("oauth:", StringComparison.OrdinalIgnoreCase) == true ? token[6..] : null]);
        _log = _redactor.Wrap(_options.Log);
        Nick = settings.IsAnonymous ? AnonymousNick() : settings.BotUsername!.Trim().ToLowerInvariant();
        foreach (var channel in settings.Channels) _channels.Add(Normalize(channel));
    }

    /// <summary>The nick in use: the bot's login, or justinfanNNNNN when reading anonymously.</summary>
    public string Nick { get; private set; }

    public bool IsConnected
    {
        get { lock (_gate) return _registered; }
    }

    public IReadOnlyCollection<string> Channels
    {
        get { lock (_gate) return [.. _channels]; }
    }

    /// <summary>Starts connecting in the background; idempotent.</summary>
    public void Start()
    {
        lock (_gate) _run ??= Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Adds a channel; joins it now when connected, and after every reconnect.</summary>
    public async Task JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        var name = Normalize(channel);
        bool send;
        lock (_gate) send = _channels.Add(name) && _registered;
        if (send) await SendAsync($"JOIN #{name}", cancellationToken).ConfigureAwait(false);
    }

    public async Task PartAsync(string channel, CancellationToken cancellationToken = default)
    {
        var name = Normalize(channel);
        bool send;
        lock (_gate) send = _channels.Remove(name) && _registered;
        if (send) await SendAsync($"PART #{name}", cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task? run;
        lock (_gate) run = _run;
        if (run is not null) await run.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _writeLock.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var attempt = 0;
        var address = IrcConnector.Address(_settings);
        while (!stopping.IsCancellationRequested)
        {
            var reconnectNow = false;
            string detail;
            Report(ConnectionState.Connecting, null, address);
            try
            {
                await using var connection = await IrcConnector.ConnectAsync(_settings, _options, stopping).ConfigureAwait(false);
                lock (_gate) _connection = connection;
                reconnectNow = await SessionAsync(connection, stopping, onWelcome: () => attempt = 0).ConfigureAwait(false);
                detail = reconnectNow ? "the server asked us to reconnect" : "the server closed the connection";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                detail = e.Message;
            }
            finally
            {
                lock (_gate) (_connection, _registered) = (null, false);
            }
            if (stopping.IsCancellationRequested) break;
            var delay = reconnectNow ? TimeSpan.Zero
                : Backoff.Delay(attempt++, _options.ReconnectInitialDelay, _options.ReconnectMaxDelay, _options.Random);
            _log(ChatLogLevel.Warning, $"twitch: disconnected from {address}: {detail}; reconnecting in {delay.TotalSeconds:0.##} s");
            Report(ConnectionState.Disconnected, null, detail, delay);
            try { await Task.Delay(delay, _time, stopping).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
        Report(ConnectionState.Stopped, null, "stopped");
    }

    // One connection's life. True when the server sent RECONNECT (reconnect at once), false when it closed.
    private async Task<bool> SessionAsync(IIrcConnection connection, CancellationToken stopping, Action onWelcome)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var liveness = new Liveness(_time.GetUtcNow().UtcTicks);
        var watchdog = Task.Run(async () =>
        {
            var step = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(_options.KeepAliveInterval.Ticks, _options.PongTimeout.Ticks) / 2));
            while (!session.IsCancellationRequested)
            {
                await Task.Delay(step, _time, session.Token).ConfigureAwait(false);
                var now = _time.GetUtcNow().UtcTicks;
                var sent = Interlocked.Read(ref liveness.PingSent);
                if (sent != 0 && now - sent >= _options.PongTimeout.Ticks)
                {
                    liveness.SilenceDetected = true;
                    await session.CancelAsync().ConfigureAwait(false);
                }
                else if (sent == 0 && now - Interlocked.Read(ref liveness.LastHeard) >= _options.KeepAliveInterval.Ticks)
                {
                    Interlocked.Exchange(ref liveness.PingSent, now);
                    await SendOnAsync(connection, "PING :tmi.twitch.tv", session.Token).ConfigureAwait(false);
                }
            }
        });
        try
        {
            var capEnded = false;
            await SendOnAsync(connection, "CAP REQ :twitch.tv/tags twitch.tv/commands", session.Token).ConfigureAwait(false);
            if (!_settings.IsAnonymous)
            {
                var token = _settings.OauthToken!.Trim();
                await SendOnAsync(connection, "PASS " + (token.StartsWith("oauth:", StringComparison.OrdinalIgnoreCase) ? token : "oauth:" + token), session.Token).ConfigureAwait(false);
            }
            await SendOnAsync(connection, "NICK " + Nick, session.Token).ConfigureAwait(false);
            await SendOnAsync(connection, $"USER {Nick} 8 * :{Nick}", session.Token).ConfigureAwait(false);

            while (await connection.ReadLineAsync(session.Token).ConfigureAwait(false) is { } raw)
            {
                Interlocked.Exchange(ref liveness.LastHeard, _time.GetUtcNow().UtcTicks);
                Interlocked.Exchange(ref liveness.PingSent, 0);
                if (raw.Length == 0) continue;
                var line = IrcMessage.Parse(raw);
                switch (line.Command)
                {
                    case "PING":
                        await SendOnAsync(connection, IrcMessage.Format("PONG", line.Parameter(0)), session.Token).ConfigureAwait(false);
                        break;
                    case "CAP" when !capEnded && line.Parameter(1) is "ACK" or "NAK":
                        capEnded = true;
                        await SendOnAsync(connection, "CAP END", session.Token).ConfigureAwait(false);
                        break;
                    case "001":
                        onWelcome();
                        await OnWelcomeAsync(connection, session.Token).ConfigureAwait(false);
                        break;
                    case "433" or "432" when !IsConnected:
                        Nick = _settings.IsAnonymous ? AnonymousNick() : Nick + "_";
                        await SendOnAsync(connection, "NICK " + Nick, session.Token).ConfigureAwait(false);
                        break;
                    case "JOIN" when string.Equals(line.Nick, Nick, StringComparison.OrdinalIgnoreCase):
                        Report(ConnectionState.Joined, Normalize(line.Parameter(0)), null);
                        break;
                    case "PART" when string.Equals(line.Nick, Nick, StringComparison.OrdinalIgnoreCase):
                        Report(ConnectionState.Parted, Normalize(line.Parameter(0)), null);
                        break;
                    case "RECONNECT":
                        _log(ChatLogLevel.Information, "twitch: the server asked for a reconnect");
                        return true;
                    case "NOTICE" when line.Parameter(0) == "*" && IsLoginFailure(line.Parameter(1)):
                        _log(ChatLogLevel.Error, $"twitch: login as {Nick} refused: {line.Parameter(1)} (check danmaku.twitch.oauth_token)");
                        Report(ConnectionState.BackingOff, null, "login refused: " + line.Parameter(1));
                        return false;
                    case "PRIVMSG" or "USERNOTICE":
                        if (TwitchMessageMapper.ToChatMessage(line, _time.GetUtcNow(), _settings.IsAnonymous ? null : Nick, line.Parameter(0).TrimStart('#')) is { } message)
                            _sink.OnMessage(message);
                        break;
                    case "CLEARCHAT" or "CLEARMSG":
                        if (TwitchMessageMapper.ToModeration(line, _time.GetUtcNow()) is { } moderation)
                            _sink.OnModeration(moderation);
                        break;
                }
            }
            return false;
        }
        catch (OperationCanceledException) when (liveness.SilenceDetected && !stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer to PING within {_options.PongTimeout.TotalSeconds:0.#} s");
        }
        finally
        {
            await session.CancelAsync().ConfigureAwait(false);
            try { await watchdog.ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }

    private async Task OnWelcomeAsync(IIrcConnection connection, CancellationToken cancellationToken)
    {
        string[] channels;
        lock (_gate)
        {
            _registered = true;
            channels = [.. _channels];
        }
        _log(ChatLogLevel.Information, $"twitch: connected as {Nick}{(_settings.IsAnonymous ? " (anonymous, read-only)" : "")}");
        Report(ConnectionState.Connected, null, Nick);
        foreach (var batch in channels.Chunk(20))
            await SendOnAsync(connection, "JOIN " + string.Join(',', batch.Select(c => "#" + c)), cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        IIrcConnection? connection;
        lock (_gate) connection = _connection;
        if (connection is null) return;
        try
        {
            await SendOnAsync(connection, line, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or System.Net.WebSockets.WebSocketException)
        {
            // The connection is going down; the read loop reconnects and JOINs every channel again.
            _log(ChatLogLevel.Debug, $"twitch: \"{line}\" not sent: {e.Message}");
        }
    }

    private async Task SendOnAsync(IIrcConnection connection, string line, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _log(ChatLogLevel.Debug, "twitch → " + line);
            await connection.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Report(ConnectionState state, string? channel, string? detail, TimeSpan? retryIn = null) =>
        _sink.OnConnection(new ConnectionStatus(ChatPlatform.Twitch, channel, state, _time.GetUtcNow(),
            detail is null ? null : _redactor.Redact(detail), retryIn));

    private static bool IsLoginFailure(string notice) =>
        notice.Contains("authentication failed", StringComparison.OrdinalIgnoreCase)
        || notice.Contains("improperly formatted auth", StringComparison.OrdinalIgnoreCase);

    private string AnonymousNick() => "justinfan" + _options.Random.Next(10_000, 100_000);

    private sealed class Liveness(long lastHeard)
    {
        public long LastHeard = lastHeard;
        public long PingSent;
        public volatile bool SilenceDetected;
    }

    internal static string Normalize(string channel) => channel.Trim().TrimStart('#').ToLowerInvariant();
}
