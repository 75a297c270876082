// Builds the IShowTtsConfig from the merged tree: top-level keys, each section's binder, the sections
// of the original iShowTTS that we accept and ignore, then the cross-section voice checks.
using System.Globalization;

namespace IShowTts.Configuration.Internal.Binding;

internal static class RootBinder
{
    public static IShowTtsConfig Bind(ConfigTable root, Diagnostics diagnostics, IReadOnlyDictionary<string, string?> environment, string? sourceFile)
    {
        var r = new TableReader(root, "", diagnostics);
        var bindAddress = r.String("bind_addr", "127.0.0.1:27121").Trim();
        if (BindAddressProblem(bindAddress) is { } problem) r.Error("bind_addr", problem);
        var defaultVoice = r.String("default_voice", "").Trim();

        var voices = new VoiceRegistry(diagnostics);
        var unavailableVoices = new List<UnavailableVoice>();
        var paths = PathsBinder.Bind(r.Table("paths"), environment);
        var api = ApiBinder.Bind(r.Table("api"));
        var f5 = F5Binder.Bind(r.Table("f5"), paths, environment, voices, unavailableVoices);
        var espeak = EspeakBinder.Bind(r.Table("espeak"), voices);
        var danmakuReader = r.Table("danmaku");
        var danmaku = DanmakuBinder.Bind(danmakuReader, voices);
        r.Ignore("index_tts", "IndexTTS is not an engine of iShowTTS.NET; its voices are not loaded");
        r.Ignore("csm", "CSM is not an engine of iShowTTS.NET; its voices are not loaded");
        r.Ignore("shimmy", "the Shimmy side-car is replaced by the built-in OpenAI-compatible speech API");
        r.Finish();

        voices.CheckReference(r, "default_voice", defaultVoice);
        return new IShowTtsConfig
        {
            BindAddress = bindAddress,
            DefaultVoice = defaultVoice,
            Api = api,
            F5 = f5,
            Espeak = espeak,
            Danmaku = danmaku,
            Paths = paths,
            UnavailableVoices = unavailableVoices,
            SourceFile = sourceFile,
            Origins = new Dictionary<string, ConfigOrigin>(diagnostics.Origins, StringComparer.Ordinal),
        };
    }

    /// <summary>"host:port" or "[v6]:port" with a port of 1–65535; null when valid.</summary>
    internal static string? BindAddressProblem(string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0) return $"expected host:port such as 127.0.0.1:27121 (got \"{value}\")";
        var host = value[..colon];
        if (host.StartsWith('[') != host.EndsWith(']') || (host.Contains(':') && !host.StartsWith('[')))
            return $"an IPv6 host must be in brackets, e.g. [::1]:27121 (got \"{value}\")";
        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            return $"the port must be a number from 1 to 65535 (got \"{value}\")";
        return null;
    }
}
