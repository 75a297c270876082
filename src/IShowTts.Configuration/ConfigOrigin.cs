// Where a configuration value came from: a file with line and column (1-based), or a named source
// without lines (the built-in defaults, an environment variable, a `--set` argument).
namespace IShowTts.Configuration;

/// <param name="Source">a file path, "built-in defaults", "environment variable NAME" or "--set key=value".</param>
/// <param name="Line">1-based line in <paramref name="Source"/>, 0 when the source has no lines.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="BaseDirectory">the directory relative paths given by this source are resolved against.</param>
public sealed record ConfigOrigin(string Source, int Line, int Column, string BaseDirectory)
{
    public const string BuiltInSource = "built-in defaults";

    public bool IsFile => Line > 0;

    public static ConfigOrigin BuiltIn() => new(BuiltInSource, 0, 0, Directory.GetCurrentDirectory());

    public override string ToString() => Line > 0 ? (Column > 0 ? $"{Source}:{Line}:{Column}" : $"{Source}:{Line}") : Source;
}
