// Typed, checked reads of one configuration table. Every read records the key as known; Finish()
// then reports the keys nobody read as unknown, with a did-you-mean. Type and range errors are
// recorded (with the value's file/line or variable) and the fallback is returned, so binding goes on
// and every problem is found in one pass.
using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace IShowTts.Configuration.Internal;

internal sealed class TableReader(ConfigTable table, string path, Diagnostics diagnostics)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public string Path => path;

    public ConfigOrigin Origin => table.Origin;

    public Diagnostics Diagnostics => diagnostics;

    public string KeyPath(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public bool Has(string key)
    {
        _known.Add(key);
        return table.Entries.ContainsKey(key);
    }

    public ConfigOrigin OriginOf(string key) => table.Entries.TryGetValue(key, out var node) ? node.Origin : table.Origin;

    public void Error(string key, string message) => diagnostics.Error(OriginOf(key), KeyPath(key), message);

    public void Warn(string key, string message) => diagnostics.Warn(OriginOf(key), KeyPath(key), message);

    public string String(string key, string fallback)
    {
        var node = Read(key);
        switch (node)
        {
            case null: return fallback;
            case ConfigScalar { Value: string s }: return s;
            case ConfigText t: return Unquote(t.Text);
            default: TypeError(key, node, "a string"); return fallback;
        }
    }

    /// <summary>A string that must be present and not blank.</summary>
    public string RequiredString(string key)
    {
        if (!table.Entries.ContainsKey(key))
        {
            _known.Add(key);
            diagnostics.Error(table.Origin, KeyPath(key), "is required");
            return "";
        }
        var value = String(key, "");
        if (value.Trim().Length == 0 && table.Entries[key] is ConfigScalar { Value: string } or ConfigText) Error(key, "must not be empty");
        return value;
    }

    public long Integer(string key, long fallback, long min, long max)
    {
        var node = Read(key);
        long value;
        switch (node)
        {
            case null: return fallback;
            case ConfigScalar { Value: long l }: value = l; break;
            case ConfigText t when long.TryParse(t.Text.Trim().Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var parsed): value = parsed; break;
            default: TypeError(key, node, "an integer"); return fallback;
        }
        if (value < min || value > max)
        {
            Error(key, $"must be between {min} and {max} (got {value})");
            return fallback;
        }
        return value;
    }

    public int Int(string key, int fallback, int min, int max) => (int)Integer(key, fallback, min, max);

    public double Float(string key, double fallback, double min, double max)
    {
        var node = Read(key);
        double value;
        switch (node)
        {
            case null: return fallback;
            case ConfigScalar { Value: double d }: value = d; break;
            case ConfigScalar { Value: long l }: value = l; break;
            case ConfigText t when double.TryParse(t.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed): value = parsed; break;
            default: TypeError(key, node, "a number"); return fallback;
        }
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Error(key, $"must be between {Format(min)} and {Format(max)} (got {Format(value)})");
            return fallback;
        }
        return value;
    }

    public bool Boolean(string key, bool fallback)
    {
        var node = Read(key);
        switch (node)
        {
            case null: return fallback;
            case ConfigScalar { Value: bool b }: return b;
            case ConfigText t:
                switch (t.Text.Trim().ToLowerInvariant())
                {
                    case "true" or "1" or "yes" or "on": return true;
                    case "false" or "0" or "no" or "off": return false;
                }
                break;
        }
        TypeError(key, node, "a boolean (true or false)");
        return fallback;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive); returns the canonical spelling.</summary>
    public string Choice(string key, string fallback, IReadOnlyList<string> allowed, IReadOnlyDictionary<string, string>? aliases = null)
    {
        if (!table.Entries.ContainsKey(key)) { _known.Add(key); return fallback; }
        var value = String(key, fallback).Trim();
        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match;
        if (aliases is not null && aliases.TryGetValue(value.ToLowerInvariant(), out var alias)) return alias;
        Error(key, $"must be one of {string.Join(", ", allowed)} (got \"{value}\"){DidYouMean.Suffix(value, allowed)}");
        return fallback;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var node = Read(key);
        switch (node)
        {
            case null: return [];
            case ConfigScalar { Value: IReadOnlyList<object?> items }:
                if (items.All(i => i is string)) return items.Cast<string>().ToList();
                TypeError(key, node, "an array of strings");
                return [];
            case ConfigText t:
                var text = t.Text.Trim();
                if (!text.StartsWith('['))
                    return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (TryParseTomlValue(text) is IReadOnlyList<object?> parsed && parsed.All(i => i is string)) return parsed.Cast<string>().ToList();
                Error(key, $"expected an array of strings such as [\"a\", \"b\"] or a,b (got {text})");
                return [];
            default:
                TypeError(key, node, "an array of strings");
                return [];
        }
    }

    /// <summary>A sub-table; an absent one reads as empty (every key then takes its fallback).</summary>
    public TableReader Table(string key)
    {
        var node = Read(key);
        if (node is ConfigTable t) return new TableReader(t, KeyPath(key), diagnostics);
        if (node is not null) TypeError(key, node, "a table");
        return new TableReader(new ConfigTable(node?.Origin ?? table.Origin), KeyPath(key), diagnostics);
    }

    /// <summary>An array of tables ([[key]]); an empty array or an absent key reads as none.</summary>
    public IReadOnlyList<TableReader> Tables(string key)
    {
        var node = Read(key);
        switch (node)
        {
            case null: return [];
            case ConfigTableArray a: return a.Items.Select((t, i) => new TableReader(t, $"{KeyPath(key)}[{i}]", diagnostics)).ToList();
            case ConfigScalar { Value: IReadOnlyList<object?> { Count: 0 } }: return [];
            default:
                TypeError(key, node, $"a list of tables ([[{KeyPath(key)}]])");
                return [];
        }
    }

    /// <summary>A key or section of the original iShowTTS that we accept and ignore, with a warning.</summary>
    public void Ignore(string key, string why)
    {
        _known.Add(key);
        if (table.Entries.ContainsKey(key)) Warn(key, $"ignored: {why}");
    }

    /// <summary>Reports every key of this table that no read asked for.</summary>
    public void Finish()
    {
        foreach (var (key, node) in table.Entries)
        {
            if (_known.Contains(key)) continue;
            var kind = node is ConfigTable or ConfigTableArray ? "section" : "key";
            diagnostics.Error(node.Origin, KeyPath(key), $"unknown {kind}{DidYouMean.Suffix(key, _known)}");
        }
    }

    private ConfigNode? Read(string key)
    {
        _known.Add(key);
        if (!table.Entries.TryGetValue(key, out var node)) return null;
        if (node is not ConfigTable and not ConfigTableArray) diagnostics.Origins[KeyPath(key)] = node.Origin;
        return node;
    }

    private void TypeError(string key, ConfigNode node, string expected)
    {
        var got = node is ConfigText t ? $"\"{t.Text}\"" : node.KindName;
        Error(key, $"expected {expected}, got {got}");
    }

    private static string Unquote(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[^1] == trimmed[0] && TryParseTomlValue(trimmed) is string s)
            return s;
        return text;
    }

    private static object? TryParseTomlValue(string text)
    {
        try
        {
            var model = TomlSerializer.Deserialize<TomlTable>($"v = {text}\n");
            if (model is null || !model.TryGetValue("v", out var v)) return null;
            return v is TomlArray a ? a.Select(x => x).ToList() : v;
        }
        catch (TomlException)
        {
            return null;
        }
    }

    private static string Format(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
