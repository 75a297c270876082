// A folder under the system temp directory for one test, deleted (with everything in it) on Dispose.
namespace IShowTts.Cli.Tests;

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "ishowtts-cli-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
