// A value in the layered configuration tree, with the origin of the value that won. Layers (defaults,
// files, environment, command line) are each turned into this tree and merged; the binders read it.
namespace IShowTts.Configuration.Internal;

internal abstract class ConfigNode(ConfigOrigin origin)
{
    public ConfigOrigin Origin { get; } = origin;

    /// <summary>A short name of the kind for "expected X, got Y" messages.</summary>
    public abstract string KindName { get; }
}
