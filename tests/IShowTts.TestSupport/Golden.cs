// Finds the golden reference directory for parity tests (shared/golden/README.md, "Finding the sets"):
// ISHOWTTS_GOLDEN_DIR, else ../shared/golden beside the repository root. A search that finds nothing
// is a broken path and fails the test; it never passes silently.
namespace IShowTts.TestSupport;

public static class Golden
{
    public const string EnvironmentVariable = "ISHOWTTS_GOLDEN_DIR";

    /// <summary>The golden directory, or a failing assertion that says where it looked.</summary>
    public static string Directory
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnv))
            {
                if (!System.IO.Directory.Exists(fromEnv))
                    Assert.Fail($"{EnvironmentVariable}={fromEnv} does not exist.");
                return Path.GetFullPath(fromEnv);
            }
            var root = RepositoryRoot.Find();
            var candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "golden"));
            if (!System.IO.Directory.Exists(candidate))
                Assert.Fail($"No golden directory: {candidate} does not exist and {EnvironmentVariable} is not set.");
            return candidate;
        }
    }

    /// <summary>Every file under the golden directory whose name matches, at any depth; fails when none does.</summary>
    public static IReadOnlyList<string> Find(string searchPattern)
    {
        var dir = Directory;
        var files = System.IO.Directory.GetFiles(dir, searchPattern, SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
            Assert.Fail($"No '{searchPattern}' found under {dir}: an empty search is a broken path, not a pass.");
        return files;
    }

    /// <summary>Same as <see cref="Find"/> but as xunit theory rows (the path relative to the golden dir).</summary>
    public static TheoryData<string> Cases(string searchPattern)
    {
        var data = new TheoryData<string>();
        var dir = Directory;
        foreach (var f in Find(searchPattern))
            data.Add(Path.GetRelativePath(dir, f));
        return data;
    }

    public static string PathOf(string relative) => Path.Combine(Directory, relative);
}
