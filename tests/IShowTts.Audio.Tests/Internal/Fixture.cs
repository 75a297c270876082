// Paths of the committed decoder fixtures (Fixtures/, copied beside the test binary) and temp files
// for tests that write; see Fixtures/README.md for how each fixture was made.
namespace IShowTts.Audio.Tests.Internal;

internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fresh directory under the system temp folder, deleted by the caller's using.</summary>
    public static TempDirectory TempDirectory() => new();
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullName = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ishowtts-audio-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullName);
    }

    public string FullName { get; }

    public string File(string name) => System.IO.Path.Combine(FullName, name);

    public void Dispose()
    {
        try { Directory.Delete(FullName, recursive: true); } catch (IOException) { }
    }
}
