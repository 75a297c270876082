// A scratch directory for one test: write configuration files and voice clips into it, and an
// environment whose HOME points inside it, so nothing of the real user's setup leaks into a test.
namespace IShowTts.Configuration.Tests;

internal sealed class TempConfigDirectory : IDisposable
{
    public TempConfigDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "ishowtts-config-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
    }

    public string Root { get; }

    public string Home { get; }

    public Dictionary<string, string?> Environment(params (string Name, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal) { ["HOME"] = Home };
        foreach (var (name, value) in extra) env[name] = value;
        return env;
    }

    /// <summary>Writes <paramref name="text"/> at <paramref name="relativePath"/> and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A file standing in for a reference clip (the configuration checks that it exists, not its content).</summary>
    public string Clip(string relativePath) => Write(relativePath, "RIFF");

    public string CopyFixture(string fixture, string relativePath)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        return Write(relativePath, File.ReadAllText(source));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
