// Turns environment variables (ISHOWTTS_SECTION__KEY, ISHOWTTS_BIND_ADDR) and command-line
// overrides ("f5.device=cpu") into a configuration tree of untyped text values. The binder converts
// each to the type its key expects and reports unknown keys with the variable or argument named.
using System.Text.RegularExpressions;

namespace IShowTts.Configuration.Internal;

internal static partial class OverrideSource
{
    public const string EnvironmentPrefix = "ISHOWTTS_";

    /// <summary>Names the configuration file; not a key.</summary>
    public const string ConfigPathVariable = "ISHOWTTS_CONFIG";

    /// <summary>
    /// Variables with "__" always name a key (SECTION__KEY, SECTION__SUB__KEY); a variable without
    /// one names a top-level key only if such a key exists, so other ISHOWTTS_* variables of the
    /// product's tools (ISHOWTTS_GOLDEN_DIR …) are left alone.
    /// </summary>
    public static ConfigTable FromEnvironment(IReadOnlyDictionary<string, string?> environment, IReadOnlySet<string> topLevelKeys,
        Diagnostics diagnostics)
    {
        var root = new ConfigTable(new ConfigOrigin("environment", 0, 0, Directory.GetCurrentDirectory()));
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (value is null || !name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) || name == ConfigPathVariable) continue;
            var rest = name[EnvironmentPrefix.Length..].ToLowerInvariant();
            var origin = new ConfigOrigin($"environment variable {name}", 0, 0, Directory.GetCurrentDirectory());
            if (!rest.Contains("__", StringComparison.Ordinal))
            {
                if (topLevelKeys.Contains(rest)) Set(root, [rest], new ConfigText(origin, value));
                continue;
            }
            var path = rest.Split("__");
            if (path.Any(p => !KeySegment().IsMatch(p)))
            {
                diagnostics.Error(origin, rest.Replace("__", ".", StringComparison.Ordinal),
                    "not a configuration key: use ISHOWTTS_SECTION__KEY (letters, digits and single underscores between double underscores)");
                continue;
            }
            Set(root, path, new ConfigText(origin, value));
        }
        return root;
    }

    /// <summary>Each override is "dotted.key=value", as given to --set.</summary>
    public static ConfigTable FromArguments(IReadOnlyList<string> overrides, Diagnostics diagnostics)
    {
        var root = new ConfigTable(new ConfigOrigin("command line", 0, 0, Directory.GetCurrentDirectory()));
        foreach (var item in overrides)
        {
            var origin = new ConfigOrigin($"--set {item}", 0, 0, Directory.GetCurrentDirectory());
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                diagnostics.Error(origin, "", "expected KEY=VALUE, for example --set f5.device=cpu");
                continue;
            }
            var key = item[..eq].Trim();
            var path = key.Split('.');
            if (path.Any(p => !KeySegment().IsMatch(p)))
            {
                diagnostics.Error(origin, key, "not a configuration key: use dotted names such as f5.device or danmaku.queue.capacity");
                continue;
            }
            Set(root, path, new ConfigText(origin, item[(eq + 1)..]));
        }
        return root;
    }

    private static void Set(ConfigTable root, IReadOnlyList<string> path, ConfigNode value)
    {
        var table = root;
        for (int i = 0; i < path.Count - 1; i++)
        {
            if (!table.Entries.TryGetValue(path[i], out var next) || next is not ConfigTable nextTable)
            {
                nextTable = new ConfigTable(value.Origin);
                table.Entries[path[i]] = nextTable;
            }
            table = nextTable;
        }
        table.Entries[path[^1]] = value;
    }

    [GeneratedRegex("^[a-z0-9_-]+$", RegexOptions.IgnoreCase)]
    private static partial Regex KeySegment();
}
