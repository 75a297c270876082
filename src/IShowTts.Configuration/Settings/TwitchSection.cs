// [danmaku.twitch]: the Twitch IRC client; an empty oauth_token means anonymous (justinfan) reading.
// transport/server/port point it at any IRC server (tests, self-hosted) instead of Twitch's.
namespace IShowTts.Configuration;

/// <param name="Channels">channels joined at start, lower case without '#'.</param>
public sealed record TwitchSection(bool Enabled, string BotUsername, string OAuthToken, IReadOnlyList<string> Channels)
{
    /// <summary>"tls" (IRC over TLS, port 6697), "websocket" (443) or "tcp" (plain IRC, 6667).</summary>
    public string Transport { get; init; } = "tls";

    /// <summary>Host name (or ws:// / wss:// URL for the WebSocket transport); "" for Twitch's.</summary>
    public string Server { get; init; } = "";

    /// <summary>0 means the transport's default port.</summary>
    public int Port { get; init; }
}
