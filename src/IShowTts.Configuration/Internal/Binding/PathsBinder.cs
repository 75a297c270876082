// [paths]: data_dir, defaulting to the XDG data folder of the given environment.
namespace IShowTts.Configuration.Internal.Binding;

internal static class PathsBinder
{
    public static PathsSection Bind(TableReader r, IReadOnlyDictionary<string, string?> environment)
    {
        var dataDir = r.String("data_dir", "").Trim();
        var resolved = dataDir.Length == 0
            ? ConfigPaths.DefaultDataDirectory(environment)
            : ConfigPaths.Resolve(dataDir, r.OriginOf("data_dir"), environment);
        r.Finish();
        return new PathsSection(resolved);
    }
}
