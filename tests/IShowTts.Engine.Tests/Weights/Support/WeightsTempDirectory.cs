// A fresh directory under the system temp folder for tests that write weight files; deleted on Dispose.
namespace IShowTts.Engine.Tests.Weights.Support;

internal sealed class WeightsTempDirectory : IDisposable
{
    public WeightsTempDirectory()
    {
        FullName = Path.Combine(Path.GetTempPath(), "ishowtts-weights-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullName);
    }

    public string FullName { get; }

    public string File(string name) => Path.Combine(FullName, name);

    public void Dispose()
    {
        try { Directory.Delete(FullName, recursive: true); } catch (IOException) { }
    }
}
