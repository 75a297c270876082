// Reads one TOML text (a file or the built-in defaults) into the configuration tree, each value
// carrying its file, line and column from Tomlyn's spans. Syntax errors (all of them) become problems.
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;

namespace IShowTts.Configuration.Internal;

internal static class TomlSource
{
    /// <summary>The tree, or null when the text is not valid TOML (the errors are in <paramref name="diagnostics"/>).</summary>
    public static ConfigTable? Parse(string text, string sourceName, string baseDirectory, Diagnostics diagnostics, bool withLines = true)
    {
        var document = SyntaxParser.Parse(text, sourceName, validate: true);
        if (document.HasErrors)
        {
            foreach (var d in document.Diagnostics)
                if (d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error)
                    diagnostics.Error(new ConfigOrigin(sourceName, d.Span.Start.Line + 1, d.Span.Start.Column + 1, baseDirectory), "", d.Message);
            return null;
        }
        var store = new TomlMetadataStore();
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text, new TomlSerializerOptions { MetadataStore = store, SourceName = sourceName })
                ?? new TomlTable();
        }
        catch (TomlException e)
        {
            diagnostics.Error(new ConfigOrigin(sourceName, Math.Max(e.Line ?? 1, 1), Math.Max(e.Column ?? 1, 1), baseDirectory), "", e.Message);
            return null;
        }
        var converter = new Converter(store, sourceName, baseDirectory, withLines);
        return converter.Table(model, converter.Origin(0, 0));
    }

    private sealed class Converter(TomlMetadataStore store, string source, string baseDirectory, bool withLines)
    {
        public ConfigOrigin Origin(int line, int column) =>
            withLines ? new ConfigOrigin(source, line, column, baseDirectory) : new ConfigOrigin(source, 0, 0, baseDirectory);

        public ConfigTable Table(TomlTable model, ConfigOrigin origin)
        {
            var table = new ConfigTable(origin);
            store.TryGetProperties(model, out var properties);
            foreach (var (key, value) in model)
            {
                var keyOrigin = origin;
                if (properties is not null && properties.TryGetProperty(key, out var meta) && meta is not null)
                    keyOrigin = Origin(meta.Span.Start.Line + 1, meta.Span.Start.Column + 1);
                table.Entries[key] = Node(value, keyOrigin);
            }
            return table;
        }

        private ConfigNode Node(object? value, ConfigOrigin origin) => value switch
        {
            TomlTable t => Table(t, origin),
            TomlTableArray a => new ConfigTableArray(origin, a.Select(t => Table(t, FirstKeyOrigin(t, origin))).ToList()),
            TomlArray a when a.Count > 0 && a.All(x => x is TomlTable) =>
                new ConfigTableArray(origin, a.Cast<TomlTable>().Select(t => Table(t, FirstKeyOrigin(t, origin))).ToList()),
            TomlArray a => new ConfigScalar(origin, a.Select(Plain).ToList()),
            null => new ConfigScalar(origin, ""),
            _ => new ConfigScalar(origin, value),
        };

        private static object? Plain(object? value) => value switch
        {
            TomlArray a => a.Select(Plain).ToList(),
            _ => value,
        };

        /// <summary>An item of a table array is located at its first key (the line after its [[header]]).</summary>
        private ConfigOrigin FirstKeyOrigin(TomlTable item, ConfigOrigin fallback)
        {
            if (!store.TryGetProperties(item, out var properties) || properties is null) return fallback;
            foreach (var (key, _) in item)
                if (properties.TryGetProperty(key, out var meta) && meta is not null)
                    return Origin(meta.Span.Start.Line + 1, meta.Span.Start.Column + 1);
            return fallback;
        }
    }
}
