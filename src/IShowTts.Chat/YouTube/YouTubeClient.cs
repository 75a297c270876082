// The YouTube live chat reader for one target (a video id or URL, a channel id UC…, or "mine"): finds
// the live chat id, then pages liveChat/messages, waiting pollingIntervalMillis (never less than
// min_poll_interval_millis) between pages and following nextPageToken. Quota and rate-limit errors
// back off (quota_backoff_secs doubling up to max_backoff_secs) and resume on the same page; an ended
// chat sends it back to looking for a broadcast; other errors retry with jittered back-off.
using IShowTts.Chat.Internal;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Chat.YouTube.Internal;

namespace IShowTts.Chat.YouTube;

public sealed class YouTubeClient : IAsyncDisposable
{
    private readonly YouTubeSettings _settings;
    private readonly IChatEventSink _sink;
    private readonly YouTubeClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ChatLog _log;
    private readonly SecretRedactor _redactor;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly YouTubeApi _api;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _run;

    /// <param name="target">Video id or watch URL, channel id (UC…), or "mine"; null or empty uses channel_id, else "mine".</param>
    public YouTubeClient(YouTubeSettings settings, string? target, IChatEventSink sink, YouTubeClientOptions? options = null)
    {
        if (!settings.HasOAuth && !settings.HasApiKey)
            throw new ArgumentException("danmaku.youtube needs api_key, or client_id + client_secret + refresh_token", nameof(settings));
        _settings = settings;
        _sink = sink;
        _options = options ?? new YouTubeClientOptions();
        _time = _options.Time ?? TimeProvider.System;
        _redactor = new SecretRedactor([settings.ApiKey, settings.ClientSecret, settings.RefreshToken]);
        _log = _redactor.Wrap(_options.Log);
        _ownsHttp = _options.Http is null;
        _http = _options.Http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _api = new YouTubeApi(settings, _http, new YouTubeAuth(settings, _http, _time));
        Channel = string.IsNullOrWhiteSpace(target) ? settings.ChannelId ?? "mine" : target.Trim();
    }

    /// <summary>The target as given: the channel name chat messages from this client carry.</summary>
    public string Channel { get; }

    public void Start()
    {
        lock (_gate) _run ??= Task.Run(() => RunAsync(_stopping.Token));
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
        if (_ownsHttp) _http.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        string? liveChatId = null;
        string? pageToken = null;
        var firstPage = true;
        var quotaAttempt = 0;
        var errorAttempt = 0;
        Report(ConnectionState.Connecting, "looking for the live chat");
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (liveChatId is null)
                {
                    liveChatId = await ResolveLiveChatAsync(stopping).ConfigureAwait(false);
                    quotaAttempt = errorAttempt = 0;
                    if (liveChatId is null)
                    {
                        wait = TimeSpan.FromSeconds(_settings.BroadcastRetrySecs);
                        Report(ConnectionState.Waiting, "no live broadcast found", wait);
                        await Task.Delay(wait, _time, stopping).ConfigureAwait(false);
                        continue;
                    }
                    (pageToken, firstPage) = (null, true);
                    _log(ChatLogLevel.Information, $"youtube: reading live chat {liveChatId} of {Channel}");
                    Report(ConnectionState.Connected, liveChatId);
                }

                using var page = await _api.LiveChatMessagesAsync(liveChatId, pageToken, stopping).ConfigureAwait(false);
                quotaAttempt = errorAttempt = 0;
                var root = page.RootElement;
                var ended = false;
                if (root.TryGetProperty("items", out var items) && items.ValueKind == System.Text.Json.JsonValueKind.Array)
                    foreach (var item in items.EnumerateArray())
                    {
                        if (item.TryGetProperty("snippet", out var snippet) && snippet.TryGetProperty("type", out var type)
                            && type.GetString() == "chatEndedEvent")
                            ended = true;
                        if (firstPage && _settings.SkipBacklog) continue;
                        var now = _time.GetUtcNow();
                        if (YouTubeMessageMapper.ToChatMessage(item, Channel, now) is { } message) _sink.OnMessage(message);
                        else if (YouTubeMessageMapper.ToModeration(item, Channel, now) is { } moderation) _sink.OnModeration(moderation);
                    }
                firstPage = false;
                if (root.TryGetProperty("nextPageToken", out var next) && next.GetString() is { Length: > 0 } token) pageToken = token;
                if (ended || root.TryGetProperty("offlineAt", out _))
                {
                    liveChatId = null;
                    wait = TimeSpan.FromSeconds(_settings.BroadcastRetrySecs);
                    Report(ConnectionState.Waiting, "the live chat ended", wait);
                }
                else
                {
                    var interval = root.TryGetProperty("pollingIntervalMillis", out var p) && p.TryGetInt32(out var ms) ? ms : 5000;
                    wait = TimeSpan.FromMilliseconds(Math.Max(interval, _settings.MinPollIntervalMillis));
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (YouTubeApiException e) when (e.IsQuota)
            {
                wait = TimeSpan.FromSeconds(Math.Min(_settings.MaxBackoffSecs, _settings.QuotaBackoffSecs * Math.Pow(2, Math.Min(quotaAttempt++, 20))));
                _log(ChatLogLevel.Warning, $"youtube: {e.Message}; waiting {wait.TotalSeconds:0} s");
                Report(ConnectionState.BackingOff, e.Reason ?? "quota", wait);
            }
            catch (YouTubeApiException e) when (e.IsChatGone)
            {
                liveChatId = null;
                wait = TimeSpan.FromSeconds(_settings.BroadcastRetrySecs);
                _log(ChatLogLevel.Information, $"youtube: {e.Message}; looking for a broadcast again in {wait.TotalSeconds:0} s");
                Report(ConnectionState.Waiting, e.Reason ?? "live chat gone", wait);
            }
            catch (Exception e)
            {
                wait = Backoff.Delay(errorAttempt++, _options.ErrorInitialDelay, _options.ErrorMaxDelay, _options.Random);
                _log(ChatLogLevel.Warning, $"youtube: {e.Message}; retrying in {wait.TotalSeconds:0.#} s");
                Report(ConnectionState.Disconnected, e.Message, wait);
            }
            try { await Task.Delay(wait, _time, stopping).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
        Report(ConnectionState.Stopped, "stopped");
    }

    private async Task<string?> ResolveLiveChatAsync(CancellationToken cancellationToken)
    {
        var target = Channel;
        if (string.Equals(target, "mine", StringComparison.OrdinalIgnoreCase))
            return await _api.LiveChatOfMyBroadcastAsync(cancellationToken).ConfigureAwait(false);
        if (target.StartsWith("UC", StringComparison.Ordinal) && target.Length == 24)
        {
            var video = await _api.LiveVideoOfChannelAsync(target, cancellationToken).ConfigureAwait(false);
            return video is null ? null : await _api.LiveChatOfVideoAsync(video, cancellationToken).ConfigureAwait(false);
        }
        return await _api.LiveChatOfVideoAsync(VideoId(target), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The video id of a bare id, a watch URL (v=…), a youtu.be link or a /live/ link.</summary>
    public static string VideoId(string target)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return target;
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
            if (pair.StartsWith("v=", StringComparison.Ordinal)) return Uri.UnescapeDataString(pair[2..]);
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments[^1];
    }

    private void Report(ConnectionState state, string? detail, TimeSpan? retryIn = null) =>
        _sink.OnConnection(new ConnectionStatus(ChatPlatform.YouTube, Channel, state, _time.GetUtcNow(),
            detail is null ? null : _redactor.Redact(detail), retryIn));
}
