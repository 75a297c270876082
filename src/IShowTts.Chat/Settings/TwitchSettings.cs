// [danmaku.twitch]: the original's enabled / bot_username / oauth_token plus channels and the server
// address. ToString masks the token so a logged settings object never leaks it.
using System.Text;

namespace IShowTts.Chat.Settings;

public sealed record TwitchSettings
{
    public const string TwitchServer = "irc.chat.twitch.tv";
    public const string TwitchWebSocketServer = "irc-ws.chat.twitch.tv";

    public bool Enabled { get; init; }

    /// <summary>Login of the bot account; null or empty reads anonymously as justinfanNNNN.</summary>
    public string? BotUsername { get; init; }

    /// <summary>"oauth:…" or the bare token; null or empty reads anonymously.</summary>
    public string? OauthToken { get; init; }

    /// <summary>Channels joined at start, without '#'.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    public TwitchTransport Transport { get; init; } = TwitchTransport.Tls;

    /// <summary>Host name, or for the WebSocket transport optionally a full ws:// or wss:// URL.</summary>
    public string? Server { get; init; }

    /// <summary>0 means the transport's default: 6697 (TLS), 443 (WebSocket), 6667 (TCP).</summary>
    public int Port { get; init; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(OauthToken) || string.IsNullOrWhiteSpace(BotUsername);

    public string EffectiveServer => !string.IsNullOrWhiteSpace(Server) ? Server!
        : Transport == TwitchTransport.WebSocket ? TwitchWebSocketServer : TwitchServer;

    public int EffectivePort => Port > 0 ? Port : Transport switch
    {
        TwitchTransport.Tls => 6697,
        TwitchTransport.WebSocket => 443,
        _ => 6667,
    };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
            problems.Add($"danmaku.twitch.port must be 1–65535 (or 0 for the default), not {Port}");
        if (!string.IsNullOrWhiteSpace(OauthToken) && string.IsNullOrWhiteSpace(BotUsername))
            problems.Add("danmaku.twitch.oauth_token is set but bot_username is empty: the login needs both");
        foreach (var channel in Channels)
            if (string.IsNullOrWhiteSpace(channel) || channel.Trim().TrimStart('#').Contains(' '))
                problems.Add($"danmaku.twitch.channels has an invalid channel name \"{channel}\"");
        return problems;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, BotUsername = {BotUsername}, OauthToken = {(string.IsNullOrEmpty(OauthToken) ? "" : "***")}, ");
        builder.Append($"Channels = [{string.Join(", ", Channels)}], Transport = {Transport}, Server = {EffectiveServer}, Port = {EffectivePort}");
        return true;
    }
}
