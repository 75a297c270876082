// [danmaku.youtube]: credentials (an API key, or OAuth client id/secret + refresh token), the default
// target, API addresses (configurable for tests) and polling/back-off limits. ToString masks secrets.
using System.Text;

namespace IShowTts.Chat.Settings;

public sealed record YouTubeSettings
{
    public bool Enabled { get; init; }

    public string? ApiKey { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>Default target when start names none: a channel id (UC…), a video id, or "mine" (needs OAuth).</summary>
    public string? ChannelId { get; init; }

    public string BaseUrl { get; init; } = "https://www.googleapis.com/youtube/v3/";

    public string TokenUrl { get; init; } = "https://oauth2.googleapis.com/token";

    /// <summary>Never poll faster than this, whatever pollingIntervalMillis says.</summary>
    public int MinPollIntervalMillis { get; init; } = 1000;

    /// <summary>The first page is chat history from before we joined; skip it rather than read it aloud.</summary>
    public bool SkipBacklog { get; init; } = true;

    /// <summary>First wait after a quota or rate-limit error; doubles up to <see cref="MaxBackoffSecs"/>.</summary>
    public int QuotaBackoffSecs { get; init; } = 60;

    public int MaxBackoffSecs { get; init; } = 1800;

    /// <summary>Wait between looks for an active broadcast while none is live.</summary>
    public int BroadcastRetrySecs { get; init; } = 30;

    public bool HasOAuth => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret)
        && !string.IsNullOrWhiteSpace(RefreshToken);

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Enabled && !HasOAuth && !HasApiKey)
            problems.Add("danmaku.youtube needs api_key, or client_id + client_secret + refresh_token");
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            problems.Add($"danmaku.youtube.base_url is not an absolute URL: \"{BaseUrl}\"");
        if (!Uri.TryCreate(TokenUrl, UriKind.Absolute, out _))
            problems.Add($"danmaku.youtube.token_url is not an absolute URL: \"{TokenUrl}\"");
        if (MinPollIntervalMillis < 0) problems.Add("danmaku.youtube.min_poll_interval_millis must be ≥ 0");
        if (QuotaBackoffSecs <= 0) problems.Add("danmaku.youtube.quota_backoff_secs must be > 0");
        if (MaxBackoffSecs < QuotaBackoffSecs) problems.Add("danmaku.youtube.max_backoff_secs must be ≥ quota_backoff_secs");
        if (BroadcastRetrySecs <= 0) problems.Add("danmaku.youtube.broadcast_retry_secs must be > 0");
        return problems;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        static string Mask(string? s) => string.IsNullOrEmpty(s) ? "" : "***";
        builder.Append($"Enabled = {Enabled}, ApiKey = {Mask(ApiKey)}, ClientId = {ClientId}, ClientSecret = {Mask(ClientSecret)}, ");
        builder.Append($"RefreshToken = {Mask(RefreshToken)}, ChannelId = {ChannelId}, BaseUrl = {BaseUrl}, TokenUrl = {TokenUrl}");
        return true;
    }
}
