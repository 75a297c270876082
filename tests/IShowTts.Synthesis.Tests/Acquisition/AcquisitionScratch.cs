// A scratch folder per test (hub cache, model folder) and helpers to make hub options and content.
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Synthesis.Tests.Acquisition;

internal sealed class AcquisitionScratch : IDisposable
{
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public AcquisitionScratch()
    {
        Root = Path.Combine(Path.GetTempPath(), "ishowtts-acquisition-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Cache => Path.Combine(Root, "hub");

    public string ModelFolder => Path.Combine(Root, "models", "F5TTS_v1_Base");

    public HubOptions Options(string endpoint) => new()
    {
        Endpoint = endpoint,
        CacheDirectory = Cache,
        MaxRetries = 0,
        RetryDelay = TimeSpan.Zero,
        MetadataTimeout = TimeSpan.FromSeconds(10),
        ReadTimeout = TimeSpan.FromSeconds(10),
    };

    public static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>An endpoint on which nothing listens (a port just released).</summary>
    public static string DeadEndpoint()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
