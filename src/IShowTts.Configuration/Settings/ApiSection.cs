// [api]: limits and access of the HTTP API. The configuration only carries and range-checks these
// values; the server enforces them (and defines what each scope allows).
namespace IShowTts.Configuration;

public sealed record ApiSection
{
    /// <summary>Syntheses run at the same time (the original's max_parallel, default 3).</summary>
    public required int MaxParallel { get; init; }

    /// <summary>Requests waiting for a synthesis slot before new ones are refused (429).</summary>
    public required int QueueCapacity { get; init; }

    public required int RequestTimeoutSecs { get; init; }

    /// <summary>Longest text one request may carry, in characters.</summary>
    public required int MaxTextChars { get; init; }

    /// <summary>Largest upload (reference audio) in bytes.</summary>
    public required long MaxUploadBytes { get; init; }

    /// <summary>Longest uploaded reference audio accepted, in seconds.</summary>
    public required double MaxAudioSeconds { get; init; }

    /// <summary>Origins allowed by CORS ("*" for any); empty: same origin only.</summary>
    public required IReadOnlyList<string> CorsOrigins { get; init; }

    /// <summary>Allow listening on a non-loopback address without API keys.</summary>
    public required bool AllowInsecureLan { get; init; }

    /// <summary>[[api.keys]]; empty: no authentication (loopback only unless AllowInsecureLan).</summary>
    public required IReadOnlyList<ApiKeySection> Keys { get; init; }
}
