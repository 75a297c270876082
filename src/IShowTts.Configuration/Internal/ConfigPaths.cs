// Path rules of the configuration: "~" is the home directory, relative paths are relative to the
// directory of the file that set them (the working directory for defaults, environment and command
// line), and the XDG defaults for the data and config folders — all taken from the given environment.
namespace IShowTts.Configuration.Internal;

internal static class ConfigPaths
{
    public static string Home(IReadOnlyDictionary<string, string?> environment) =>
        environment.TryGetValue("HOME", out var home) && !string.IsNullOrEmpty(home)
            ? home
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public static string Resolve(string path, ConfigOrigin origin, IReadOnlyDictionary<string, string?> environment)
    {
        if (path == "~") return Home(environment);
        if (path.StartsWith("~/", StringComparison.Ordinal)) path = Path.Combine(Home(environment), path[2..]);
        return Path.GetFullPath(path, origin.BaseDirectory);
    }

    /// <summary>$XDG_DATA_HOME/ishowtts, else ~/.local/share/ishowtts.</summary>
    public static string DefaultDataDirectory(IReadOnlyDictionary<string, string?> environment) =>
        Path.Combine(XdgBase(environment, "XDG_DATA_HOME", ".local/share"), "ishowtts");

    /// <summary>$XDG_CONFIG_HOME/ishowtts/ishowtts.toml, else ~/.config/ishowtts/ishowtts.toml.</summary>
    public static string DefaultConfigFile(IReadOnlyDictionary<string, string?> environment) =>
        Path.Combine(XdgBase(environment, "XDG_CONFIG_HOME", ".config"), "ishowtts", "ishowtts.toml");

    private static string XdgBase(IReadOnlyDictionary<string, string?> environment, string variable, string fallbackUnderHome) =>
        environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value) && Path.IsPathRooted(value)
            ? value
            : Path.Combine(Home(environment), fallbackUnderHome);
}
