// Everything the HTTP server needs to know besides the Synthesizer: where it listens, its limits, who
// may call it and where it keeps voices and keys. The CLI maps the TOML configuration onto this record;
// the server does not read configuration files itself.
using IShowTts.Chat.Settings;
using IShowTts.Server.Danmaku;

namespace IShowTts.Server;

public sealed record ServerOptions
{
    /// <summary>The original's default bind address (loopback only).</summary>
    public const string DefaultUrl = "http://127.0.0.1:27121";

    /// <summary>Kestrel URLs ("http://127.0.0.1:27121"); `--urls` / ASPNETCORE_URLS given to Build win over these.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Syntheses that run at the same time ([api] max_parallel).</summary>
    public int MaxParallel { get; init; } = 3;

    /// <summary>Requests that may wait for a synthesis slot; one more is refused with 429 and Retry-After.</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>Longest a speech request may take, waiting included; past it the work is cancelled (504).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public int MaxTextChars { get; init; } = 5000;

    /// <summary>Largest uploaded reference audio file.</summary>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Longest uploaded reference audio, in seconds (F5 uses at most 12 s of it).</summary>
    public double MaxAudioSeconds { get; init; } = 30;

    /// <summary>Keys from the configuration file ([[api.keys]]), in addition to the hashed keys of the key store.</summary>
    public IReadOnlyList<ConfiguredApiKey> ApiKeys { get; init; } = [];

    /// <summary>Require a key even on loopback (keys are always required on any other address).</summary>
    public bool RequireApiKeys { get; init; }

    /// <summary>Serve a non-loopback address without keys (a trusted LAN); logged as a warning at every start.</summary>
    public bool AllowInsecureLan { get; init; }

    /// <summary>Origins allowed to call the API from a browser ("*" for any); empty: CORS off.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Where voice overrides, added voices and API keys are kept.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>On shutdown, how long in-flight syntheses may finish before they are cancelled.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A folder served at / instead of the bundled wwwroot (web UI development).</summary>
    public string? WebRootPath { get; init; }

    /// <summary>One JSON object per log line (for log collectors) instead of the readable console format.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The chat reader's settings ([danmaku.*]): clients, filters, queue, voices.</summary>
    public DanmakuSettings Danmaku { get; init; } = new();

    /// <summary>How chat lines are synthesised and levelled ([danmaku.tts] nfe_step, remove_silence, loudness_lufs).</summary>
    public ChatSpeechOptions ChatSpeech { get; init; } = new();

    /// <summary>What an operator should do when an engine is not ready, shown next to the engine's own reason.</summary>
    public IReadOnlyDictionary<string, string> EngineHints { get; init; } = new Dictionary<string, string>
    {
        ["f5"] = "Download the model with `ishowtts download` (F5TTS_v1_Base and Vocos, about 1.4 GB), or point " +
                 "[f5] model_dir / ckpt_file at a local copy; until then the espeak voices still speak.",
    };

    /// <summary>The original's bind_addr ("0.0.0.0:27121", "127.0.0.1:27121", "[::1]:27121") as a Kestrel URL.</summary>
    public static string UrlFromBindAddress(string bindAddress) =>
        bindAddress.Contains("://", StringComparison.Ordinal) ? bindAddress : "http://" + bindAddress;

    /// <summary>$XDG_DATA_HOME/ishowtts, else ~/.local/share/ishowtts.</summary>
    public static string DefaultDataDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "ishowtts");
    }
}
