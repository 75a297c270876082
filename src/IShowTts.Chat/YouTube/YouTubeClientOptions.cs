// Run-time knobs of the YouTube client that are not configuration keys: the HTTP client (tests point
// it at a local server through the settings' base_url), clock, log and jitter for network errors.
namespace IShowTts.Chat.YouTube;

public sealed record YouTubeClientOptions
{
    /// <summary>Shared HttpClient; null makes one that the client owns and disposes.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>Null means the system clock (ChatReader passes its own).</summary>
    public TimeProvider? Time { get; init; }

    public ChatLog? Log { get; init; }

    public TimeSpan ErrorInitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ErrorMaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    public Random Random { get; init; } = Random.Shared;
}
