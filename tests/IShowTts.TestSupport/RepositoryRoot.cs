namespace IShowTts.TestSupport;

/// <summary>The repository root: the first directory above the test binary that holds the solution file.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (dir.GetFiles("IShowTts.slnx").Length > 0 || dir.GetFiles("IShowTts.sln").Length > 0)
                return dir.FullName;
            dir = dir.Parent;
        }
        var built = typeof(RepositoryRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "IShowTts.slnx"))) return Path.GetFullPath(built);
        // Published test binaries (the GPU machine) live outside the repository: the current directory is the next best.
        var cwd = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (cwd is not null)
        {
            if (cwd.GetFiles("IShowTts.slnx").Length > 0) return cwd.FullName;
            cwd = cwd.Parent;
        }
        throw new InvalidOperationException($"No IShowTts.slnx above {AppContext.BaseDirectory}.");
    }
}
