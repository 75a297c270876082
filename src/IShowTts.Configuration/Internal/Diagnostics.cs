// Collects problems (the configuration cannot be used) and warnings (accepted, but not as written)
// while loading, so that every one is reported together instead of stopping at the first.
namespace IShowTts.Configuration.Internal;

internal sealed class Diagnostics
{
    public List<ConfigProblem> Problems { get; } = [];

    public List<ConfigWarning> Warnings { get; } = [];

    public Dictionary<string, ConfigOrigin> Origins { get; } = new(StringComparer.Ordinal);

    public void Error(ConfigOrigin origin, string key, string message) => Problems.Add(new ConfigProblem(origin, key, message));

    public void Warn(ConfigOrigin origin, string key, string message) => Warnings.Add(new ConfigWarning(origin, key, message));
}
