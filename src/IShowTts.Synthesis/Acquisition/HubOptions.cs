// Where and how to reach the Hugging Face hub, read from the same environment variables the Python
// client uses (HF_ENDPOINT, HF_HUB_CACHE, HF_HOME, HF_HUB_OFFLINE, HF_TOKEN), so an existing Python
// cache and mirror setup work unchanged. A configured cache directory ([f5] hf_cache_dir) wins.
namespace IShowTts.Synthesis.Acquisition;

public sealed record HubOptions
{
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>Base URL of the hub or a mirror, without a trailing slash.</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The hub cache folder holding models--org--name/ (the Python client's HF_HUB_CACHE).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Never contact the hub: use the cache or say what to place where.</summary>
    public bool Offline { get; init; }

    /// <summary>Bearer token for private or gated repositories; sent to the hub only, never to a redirect target on another host.</summary>
    public string? Token { get; init; }

    /// <summary>How often a dropped download is resumed (HTTP Range) before giving up.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Pause before resuming a dropped download (multiplied by the attempt number).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for the hub's answer to the metadata request.</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait for the next bytes of a download before it counts as dropped.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>false (default): a file already in the cache is used without asking the hub; true: ask for the newest commit first.</summary>
    public bool RevalidateCached { get; init; }

    /// <param name="environment">the process environment (HF_*, XDG_CACHE_HOME, HOME).</param>
    /// <param name="cacheDirectory">a configured hub cache folder; null or empty: from the environment.</param>
    public static HubOptions FromEnvironment(IReadOnlyDictionary<string, string?> environment, string? cacheDirectory = null)
    {
        string? Get(string name) => environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var home = Get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var hfHome = Get("HF_HOME") ?? Path.Combine(Get("XDG_CACHE_HOME") ?? Path.Combine(home, ".cache"), "huggingface");
        var cache = !string.IsNullOrWhiteSpace(cacheDirectory) ? cacheDirectory
            : Get("HF_HUB_CACHE") ?? Get("HUGGINGFACE_HUB_CACHE") ?? Path.Combine(hfHome, "hub");
        return new HubOptions
        {
            Endpoint = (Get("HF_ENDPOINT") ?? DefaultEndpoint).TrimEnd('/'),
            CacheDirectory = Path.GetFullPath(ExpandHome(cache, home)),
            Offline = IsTrue(Get("HF_HUB_OFFLINE")),
            Token = Get("HF_TOKEN") ?? Get("HUGGING_FACE_HUB_TOKEN"),
        };
    }

    /// <summary>The Python client's truthy values: 1, ON, YES, TRUE (any case).</summary>
    internal static bool IsTrue(string? value) => value?.ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";

    private static string ExpandHome(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;
}
