// An API key written in the configuration file ([[api.keys]]). Its ToString leaves the secret out, so
// logging the options never leaks it.
namespace IShowTts.Server;

/// <summary>A key written in the configuration file: its name (for logs), the secret and its scopes.</summary>
public sealed record ConfiguredApiKey(string Name, string Secret, IReadOnlyList<string> Scopes)
{
    public override string ToString() => $"{Name} ({string.Join(", ", Scopes)})";
}
