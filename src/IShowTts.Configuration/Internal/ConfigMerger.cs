// Lays one configuration tree over another: tables merge key by key, anything else (a value, an
// array, an array of tables) is replaced whole by the upper layer.
namespace IShowTts.Configuration.Internal;

internal static class ConfigMerger
{
    /// <summary>Merges <paramref name="upper"/> into <paramref name="lower"/> in place.</summary>
    public static void Merge(ConfigTable lower, ConfigTable upper)
    {
        foreach (var (key, node) in upper.Entries)
        {
            if (node is ConfigTable upperTable && lower.Entries.TryGetValue(key, out var existing) && existing is ConfigTable lowerTable)
                Merge(lowerTable, upperTable);
            else
                lower.Entries[key] = node;
        }
    }
}
