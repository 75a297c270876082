// [[api.keys]]: one API key with a name (for logs) and the scopes it grants ("*" = every scope).
namespace IShowTts.Configuration;

public sealed record ApiKeySection(string Name, string Key, IReadOnlyList<string> Scopes)
{
    public override string ToString() => $"{Name} ({string.Join(", ", Scopes)})";
}
