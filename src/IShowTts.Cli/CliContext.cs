// What every command may need besides its own options: the configuration (read once, on first use,
// from --config / $ISHOWTTS_CONFIG / ~/.config/ishowtts/ishowtts.toml, with --set overrides), and the
// stderr progress line. A broken configuration is a usage error: every problem printed, exit code 2.
using IShowTts.Configuration;

namespace IShowTts.Cli;

public sealed class CliContext(string? configPath, IReadOnlyList<string> overrides)
{
    private IShowTtsConfig? _config;

    public ProgressLine Log { get; } = new();

    public IShowTtsConfig Config
    {
        get
        {
            if (_config is not null) return _config;
            var (config, warnings) = LoadConfiguration();
            foreach (var w in warnings) Log.Line($"config warning: {w}");
            return _config = config;
        }
    }

    /// <summary>Loads the configuration afresh with its warnings, for a command that reports them itself (doctor); throws ConfigurationException.</summary>
    public (IShowTtsConfig Config, IReadOnlyList<ConfigWarning> Warnings) LoadConfiguration() =>
        ConfigurationLoader.Load(configPath, ConfigurationLoader.ProcessEnvironment(), overrides);
}
