// The whole effective configuration: defaults < danmaku_gateway.toml < ishowtts.toml < environment
// < command line, validated. Immutable; built by ConfigurationLoader, printed by ConfigurationWriter.
namespace IShowTts.Configuration;

public sealed record IShowTtsConfig
{
    /// <summary>host:port the server listens on (ours defaults to 127.0.0.1:27121).</summary>
    public required string BindAddress { get; init; }

    /// <summary>The voice used when a request names none; "" when not set.</summary>
    public required string DefaultVoice { get; init; }

    public required ApiSection Api { get; init; }

    public required F5Section F5 { get; init; }

    public required EspeakSection Espeak { get; init; }

    public required DanmakuSection Danmaku { get; init; }

    public required PathsSection Paths { get; init; }

    /// <summary>Voices left out with the reason (see F5Section.Voices).</summary>
    public required IReadOnlyList<UnavailableVoice> UnavailableVoices { get; init; }

    /// <summary>The configuration file read, or null when only defaults and overrides apply.</summary>
    public required string? SourceFile { get; init; }

    /// <summary>Where each leaf key's value came from ("f5.device" → environment variable ISHOWTTS_F5__DEVICE).</summary>
    public required IReadOnlyDictionary<string, ConfigOrigin> Origins { get; init; }
}
