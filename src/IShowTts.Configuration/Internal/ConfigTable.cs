// A table of the configuration tree: keys in the order they were written, each with its node.
namespace IShowTts.Configuration.Internal;

internal sealed class ConfigTable(ConfigOrigin origin) : ConfigNode(origin)
{
    public OrderedDictionary<string, ConfigNode> Entries { get; } = new(StringComparer.Ordinal);

    public override string KindName => "a table";
}
