// [danmaku.youtube]: YouTube live chat through an API key or Google OAuth (client id/secret, refresh
// token), the default target, the API addresses (tests point them at a local server) and polling limits.
namespace IShowTts.Configuration;

public sealed record YouTubeSection(bool Enabled, string ClientId, string ClientSecret, string RefreshToken, string ChannelId)
{
    public string ApiKey { get; init; } = "";
    public string BaseUrl { get; init; } = "https://www.googleapis.com/youtube/v3/";
    public string TokenUrl { get; init; } = "https://oauth2.googleapis.com/token";
    public int MinPollIntervalMillis { get; init; } = 1000;
    public bool SkipBacklog { get; init; } = true;
    public int QuotaBackoffSecs { get; init; } = 60;
    public int MaxBackoffSecs { get; init; } = 1800;
    public int BroadcastRetrySecs { get; init; } = 30;
}
