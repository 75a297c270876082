// Loads the effective configuration: built-in defaults < danmaku_gateway.toml (beside the file, as the
// original kept it) < the configuration file (its [danmaku_gateway.*] tables, the original backend's
// form of the same settings, < its [danmaku.*]) < ISHOWTTS_* environment variables < --set overrides.
// Every problem in every layer is collected and thrown together as one ConfigurationException.
using System.Collections;
using IShowTts.Configuration.Internal;
using IShowTts.Configuration.Internal.Binding;

namespace IShowTts.Configuration;

public static class ConfigurationLoader
{
    /// <summary>The original's chat settings file, read when it sits beside the configuration file.</summary>
    public const string GatewayFileName = "danmaku_gateway.toml";

    private const string DefaultsResource = "IShowTts.Configuration.ishowtts.default.toml";

    /// <param name="path">the configuration file; null: $ISHOWTTS_CONFIG, else $XDG_CONFIG_HOME/ishowtts/ishowtts.toml
    /// (~/.config/…) when it exists, else the built-in defaults alone.</param>
    /// <param name="environment">the process environment (see <see cref="ProcessEnvironment"/>); also gives HOME and XDG_* .</param>
    /// <param name="overrides">"dotted.key=value" items, as given to --set.</param>
    /// <exception cref="ConfigurationException">listing every problem with its file, line, column and key.</exception>
    public static (IShowTtsConfig Config, IReadOnlyList<ConfigWarning> Warnings) Load(string? path,
        IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> overrides) =>
        LoadLayers(ChooseFile(path, environment), environment, overrides);

    /// <summary>The built-in defaults alone: no file, and the ISHOWTTS_* variables ignored (HOME and XDG_* still apply).</summary>
    public static IShowTtsConfig Defaults(IReadOnlyDictionary<string, string?> environment) =>
        LoadLayers(null, environment.Where(e => !e.Key.StartsWith(OverrideSource.EnvironmentPrefix, StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal), []).Config;

    private static (IShowTtsConfig Config, IReadOnlyList<ConfigWarning> Warnings) LoadLayers(string? file,
        IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> overrides)
    {
        var diagnostics = new Diagnostics();
        var root = BuiltInDefaults(diagnostics);
        string? sourceFile = null;
        if (file is not null)
        {
            sourceFile = Path.GetFullPath(file);
            LoadFile(root, sourceFile, diagnostics);
        }
        // A file that does not parse makes every later check meaningless; a malformed override does not.
        bool filesUnusable = diagnostics.Problems.Count > 0;
        var topLevelKeys = root.Entries.Where(e => e.Value is ConfigScalar).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        ConfigMerger.Merge(root, OverrideSource.FromEnvironment(environment, topLevelKeys, diagnostics));
        ConfigMerger.Merge(root, OverrideSource.FromArguments(overrides, diagnostics));
        if (filesUnusable) throw new ConfigurationException(InReadingOrder(diagnostics.Problems));

        var config = RootBinder.Bind(root, diagnostics, environment, sourceFile);
        if (diagnostics.Problems.Count > 0) throw new ConfigurationException(InReadingOrder(diagnostics.Problems));
        return (config, InReadingOrder(diagnostics.Warnings));
    }

    /// <summary>File diagnostics first, file by file, by line and column; then the others in the order found.</summary>
    private static List<T> InReadingOrder<T>(List<T> items) where T : notnull
    {
        static ConfigOrigin OriginOf(T item) => item switch
        {
            ConfigProblem p => p.Origin,
            ConfigWarning w => w.Origin,
            _ => throw new ArgumentException(item.GetType().Name),
        };
        var sources = items.Select(i => OriginOf(i).Source).Distinct().ToList();
        return items.OrderBy(i => !OriginOf(i).IsFile).ThenBy(i => OriginOf(i).IsFile ? sources.IndexOf(OriginOf(i).Source) : 0)
            .ThenBy(i => OriginOf(i).Line).ThenBy(i => OriginOf(i).Column).ToList();
    }

    /// <summary>The text of the built-in default configuration (every key with its default).</summary>
    public static string DefaultText()
    {
        using var stream = typeof(ConfigurationLoader).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultsResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The current process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    private static ConfigTable BuiltInDefaults(Diagnostics diagnostics)
    {
        var origin = ConfigOrigin.BuiltIn();
        return TomlSource.Parse(DefaultText(), origin.Source, origin.BaseDirectory, diagnostics, withLines: false)
            ?? throw new InvalidOperationException("the built-in default configuration does not parse: " + string.Join("; ", diagnostics.Problems));
    }

    private static string? ChooseFile(string? path, IReadOnlyDictionary<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(path)) return ExpandHome(path, environment);
        if (environment.TryGetValue(OverrideSource.ConfigPathVariable, out var fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
            return ExpandHome(fromEnvironment, environment);
        var userFile = ConfigPaths.DefaultConfigFile(environment);
        return File.Exists(userFile) ? userFile : null;
    }

    private static string ExpandHome(string path, IReadOnlyDictionary<string, string?> environment) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(ConfigPaths.Home(environment), path[2..]) : path;

    private static void LoadFile(ConfigTable root, string file, Diagnostics diagnostics)
    {
        var directory = Path.GetDirectoryName(file) ?? Directory.GetCurrentDirectory();
        if (!File.Exists(file))
        {
            diagnostics.Error(new ConfigOrigin(file, 0, 0, directory), "",
                Directory.Exists(file) ? "is a directory, not a configuration file" : "configuration file not found");
            return;
        }
        var gateway = Path.Combine(directory, GatewayFileName);
        if (File.Exists(gateway) && ReadText(gateway, directory, diagnostics) is { } gatewayText
            && TomlSource.Parse(gatewayText, gateway, directory, diagnostics) is { } gatewayTable)
            ConfigMerger.Merge(root, UnderDanmaku(gatewayTable));
        if (ReadText(file, directory, diagnostics) is { } text && TomlSource.Parse(text, file, directory, diagnostics) is { } table)
        {
            // The original's backend also read the gateway settings from the main file, as [danmaku_gateway.queue],
            // [danmaku_gateway.filter] and [danmaku_gateway.tts]: they sit between the gateway file and [danmaku.*].
            if (table.Entries.TryGetValue(GatewaySection, out var inline) && inline is ConfigTable inlineTable)
            {
                table.Entries.Remove(GatewaySection);
                ConfigMerger.Merge(root, UnderDanmaku(inlineTable));
            }
            ConfigMerger.Merge(root, table);
        }
    }

    private const string GatewaySection = "danmaku_gateway";

    /// <summary>A gateway table ([queue], [filter], [tts]) laid under [danmaku].</summary>
    private static ConfigTable UnderDanmaku(ConfigTable gateway)
    {
        var wrapped = new ConfigTable(gateway.Origin);
        wrapped.Entries["danmaku"] = gateway;
        return wrapped;
    }

    private static string? ReadText(string file, string directory, Diagnostics diagnostics)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new ConfigOrigin(file, 0, 0, directory), "", $"cannot be read: {e.Message}");
            return null;
        }
    }
}
