// Run-time knobs of the Twitch client that are not configuration keys: clock, log, reconnect
// back-off, keep-alive, connect timeout, TLS validation (tests trust a self-signed server) and jitter.
using System.Net.Security;

namespace IShowTts.Chat.Twitch;

public sealed record TwitchClientOptions
{
    /// <summary>Null means the system clock (ChatReader passes its own).</summary>
    public TimeProvider? Time { get; init; }

    public ChatLog? Log { get; init; }

    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Silence after which we PING the server ourselves.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an own PING may stay unanswered before the connection counts as dead.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    public Random Random { get; init; } = Random.Shared;
}
