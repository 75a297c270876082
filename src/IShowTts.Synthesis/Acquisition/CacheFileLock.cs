// An exclusive lock on {cache}/.locks/…/{etag}.lock while a blob is written, so two processes (or the
// Python client, whose filelock uses the same flock on the same path) never write one file together.
namespace IShowTts.Synthesis.Acquisition;

internal sealed class CacheFileLock : IDisposable
{
    private readonly FileStream _stream;

    private CacheFileLock(FileStream stream) => _stream = stream;

    public static async Task<CacheFileLock> AcquireAsync(string path, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new CacheFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another download of the same file; it finishes or gives up.
                await Task.Delay(200, cancel);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
