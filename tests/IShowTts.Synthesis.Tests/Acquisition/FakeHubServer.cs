// A minimal HTTP/1.1 server on 127.0.0.1 that answers like the Hugging Face hub for the download
// tests: HEAD/GET on /{repo}/resolve/{rev}/{file} with X-Repo-Commit, ETag / X-Linked-Etag /
// X-Linked-Size, redirects (relative and absolute), byte ranges, 404s with X-Error-Code, and
// responses cut off mid-body. One request per connection; every request is recorded.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace IShowTts.Synthesis.Tests.Acquisition;

internal sealed class FakeHubServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<FakeRequest, FakeResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _cuts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _cutSizes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakeHubServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public IReadOnlyList<FakeRequest> Gets(string path) => Requests.Where(r => r.Method == "GET" && r.Path == path).ToList();

    public void Route(string path, Func<FakeRequest, FakeResponse> handler) => _routes[path] = handler;

    /// <summary>The next <paramref name="times"/> GETs of <paramref name="path"/> announce the full length but stop after <paramref name="afterBytes"/> bytes.</summary>
    public void CutGets(string path, long afterBytes, int times = 1)
    {
        _cuts[path] = times;
        _cutSizes[path] = afterBytes;
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string GitBlobSha1(byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));

    public static string ResolvePath(string repo, string revision, string fileName) => $"/{repo}/resolve/{revision}/{fileName}";

    /// <summary>
    /// An LFS file as the hub serves it: resolve answers 302 to an absolute CDN URL on this server with
    /// X-Linked-Etag = SHA-256 of <paramref name="content"/>; the CDN serves <paramref name="served"/> (default: the content).
    /// Returns the CDN path.
    /// </summary>
    public string AddLfsFile(string repo, string fileName, byte[] content, string commit, string revision = "main", byte[]? served = null,
        string? cdnHost = null)
    {
        var sha = Sha256(content);
        var cdnPath = $"/cdn/{sha}";
        Route(ResolvePath(repo, revision, fileName), _ => new FakeResponse(302, new Dictionary<string, string>
        {
            ["Location"] = $"http://{cdnHost ?? "127.0.0.1"}:{Port}{cdnPath}",
            ["X-Repo-Commit"] = commit,
            ["X-Linked-Etag"] = $"\"{sha}\"",
            ["X-Linked-Size"] = content.Length.ToString(),
            ["ETag"] = $"\"{GitBlobSha1(Encoding.ASCII.GetBytes("version https://git-lfs.github.com/spec/v1\n"))}\"",
        }, []));
        var body = served ?? content;
        Route(cdnPath, r => Ranged(r, body, new Dictionary<string, string> { ["ETag"] = $"\"{sha}\"" }));
        return cdnPath;
    }

    /// <summary>A small (git-stored) file: resolve answers 200 itself with ETag = its git blob SHA-1.</summary>
    public string AddSmallFile(string repo, string fileName, byte[] content, string commit, string revision = "main", byte[]? served = null)
    {
        var path = ResolvePath(repo, revision, fileName);
        var body = served ?? content;
        Route(path, r => Ranged(r, body, new Dictionary<string, string>
        {
            ["X-Repo-Commit"] = commit,
            ["ETag"] = $"\"{GitBlobSha1(content)}\"",
        }));
        return path;
    }

    public void AddRedirect(string path, string location, int status = 307) =>
        Route(path, _ => new FakeResponse(status, new Dictionary<string, string> { ["Location"] = location }, []));

    /// <summary>200 with the whole body, or 206 with the tail when the request asks for "bytes=N-".</summary>
    public static FakeResponse Ranged(FakeRequest request, byte[] body, Dictionary<string, string> headers)
    {
        var range = request.Header("Range");
        if (range is null || !range.StartsWith("bytes=", StringComparison.Ordinal) || !range.EndsWith('-'))
            return new FakeResponse(200, headers, body);
        long from = long.Parse(range["bytes=".Length..^1]);
        if (from >= body.Length)
            return new FakeResponse(416, new Dictionary<string, string>(headers) { ["Content-Range"] = $"bytes */{body.Length}" }, []);
        var partial = new Dictionary<string, string>(headers) { ["Content-Range"] = $"bytes {from}-{body.Length - 1}/{body.Length}" };
        return new FakeResponse(206, partial, body[(int)from..]);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                var response = _routes.TryGetValue(request.Path, out var handler)
                    ? handler(request)
                    : new FakeResponse(404, new Dictionary<string, string> { ["X-Error-Code"] = "EntryNotFound", ["X-Error-Message"] = "Entry not found" }, []);
                if (request.Method == "GET" && _cuts.TryGetValue(request.Path, out int left) && left > 0)
                {
                    _cuts[request.Path] = left - 1;
                    response = response with { CutAfter = _cutSizes[request.Path] };
                }
                await WriteResponse(stream, request, response);
            }
            catch (IOException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private static async Task<FakeRequest?> ReadRequest(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 65536)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            bytes.Add(one[0]);
            int n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') break;
        }
        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n");
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var target = start[1];
        int query = target.IndexOf('?');
        return new FakeRequest(start[0], query >= 0 ? target[..query] : target, headers);
    }

    private static async Task WriteResponse(NetworkStream stream, FakeRequest request, FakeResponse response)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n");
        foreach (var (name, value) in response.Headers) head.Append($"{name}: {value}\r\n");
        head.Append($"Content-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (request.Method != "HEAD")
        {
            var body = response.CutAfter is long cut ? response.Body[..(int)Math.Min(cut, response.Body.Length)] : response.Body;
            await stream.WriteAsync(body);
        }
        await stream.FlushAsync();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 206 => "Partial Content", 302 => "Found", 307 => "Temporary Redirect", 404 => "Not Found",
        416 => "Range Not Satisfiable", 500 => "Internal Server Error", _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
