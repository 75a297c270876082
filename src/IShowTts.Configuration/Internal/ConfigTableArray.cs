// An array of tables ([[f5.voices]] …): replaced as a whole by a later layer, never merged item by item.
namespace IShowTts.Configuration.Internal;

internal sealed class ConfigTableArray(ConfigOrigin origin, IReadOnlyList<ConfigTable> items) : ConfigNode(origin)
{
    public IReadOnlyList<ConfigTable> Items { get; } = items;

    public override string KindName => "a list of tables";
}
