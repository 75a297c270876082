// A typed TOML value from a file: string, long, double, bool, TomlDateTime, or a list of those
// (IReadOnlyList<object?>). Inline tables become ConfigTable, never a scalar.
using Tomlyn;

namespace IShowTts.Configuration.Internal;

internal sealed class ConfigScalar(ConfigOrigin origin, object value) : ConfigNode(origin)
{
    public object Value { get; } = value;

    public override string KindName => Value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlDateTime => "a date-time",
        IReadOnlyList<object?> => "an array",
        _ => Value.GetType().Name,
    };
}
