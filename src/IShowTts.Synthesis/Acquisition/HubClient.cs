// Fetches files from the Hugging Face hub (or a mirror) into the hub's own cache layout, the way the
// Python client does: HEAD /{repo}/resolve/{revision}/{file} (relative redirects followed, the
// metadata read from the hub's answer, not the CDN's), then a resumable GET into blobs/{etag}.incomplete,
// verified against the ETag, renamed into place, and linked from snapshots/{commit}/{file}.
// Not a general hub client: no uploads, no repository listing, no Xet protocol (the hub's HTTP
// redirects serve Xet-stored files too).
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace IShowTts.Synthesis.Acquisition;

public sealed partial class HubClient : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HttpClient _http;

    /// <param name="handler">for tests and proxies; it must not follow redirects itself (the client follows them
    /// so that the hub's own answer, with its X-Linked-* headers, is read, and the token never leaves the hub).</param>
    public HubClient(HubOptions options, HttpMessageHandler? handler = null)
    {
        Options = options;
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ishowtts", "1.0"));
    }

    public HubOptions Options { get; }

    /// <summary>https://huggingface.co/{repo}/resolve/{revision}/{file}, each part URL-escaped.</summary>
    public static Uri ResolveUrl(string endpoint, string repo, string revision, string fileName) =>
        new($"{endpoint.TrimEnd('/')}/{repo}/resolve/{Uri.EscapeDataString(revision)}/{string.Join('/', fileName.Split('/').Select(Uri.EscapeDataString))}");

    /// <summary>The cached snapshot path of the file (with no network), or null when it is not in the cache.</summary>
    public string? TryGetCachedFile(string repo, string fileName, string revision = "main")
    {
        Validate(repo, fileName, revision);
        var layout = new HubCacheLayout(Options.CacheDirectory, repo);
        var commit = layout.CommitFor(revision);
        if (commit is null) return null;
        var pointer = layout.Snapshot(commit, fileName);
        return UsableFile.Exists(pointer) ? pointer : null;
    }

    /// <summary>
    /// The local path of the file (snapshots/{commit}/{file} in the hub cache), downloading it first when it
    /// is not cached. A cached file is used without contacting the hub unless <see cref="HubOptions.RevalidateCached"/>.
    /// </summary>
    /// <exception cref="HubOfflineException">offline (HF_HUB_OFFLINE or no network) and not cached.</exception>
    /// <exception cref="HubException">not found, refused, corrupt, or interrupted more than MaxRetries times.</exception>
    public async Task<string> EnsureFileAsync(string repo, string fileName, string revision = "main",
        IProgress<DownloadProgress>? progress = null, CancellationToken cancel = default)
    {
        Validate(repo, fileName, revision);
        var layout = new HubCacheLayout(Options.CacheDirectory, repo);
        var cached = TryGetCachedFile(repo, fileName, revision);
        if (cached is not null && (!Options.RevalidateCached || Options.Offline))
        {
            progress?.Report(new DownloadProgress(repo, fileName, DownloadStage.Cached, 0, null, 0));
            return cached;
        }
        if (Options.Offline)
            throw new HubOfflineException($"HF_HUB_OFFLINE is set and {repo}/{fileName} (revision {revision}) is not in the hub cache {Options.CacheDirectory}",
                [new HubFile(repo, fileName, fileName, revision)]);

        progress?.Report(new DownloadProgress(repo, fileName, DownloadStage.Checking, 0, null, 0));
        HubFileMetadata metadata;
        try
        {
            metadata = await GetMetadataAsync(repo, fileName, revision, cancel);
        }
        catch (HubUnreachableException e)
        {
            if (cached is not null) return cached;
            throw new HubOfflineException($"{e.Message}, and {repo}/{fileName} (revision {revision}) is not in the hub cache {Options.CacheDirectory}",
                [new HubFile(repo, fileName, fileName, revision)], e);
        }

        var pointer = layout.Snapshot(metadata.CommitHash, fileName);
        var blob = layout.Blob(metadata.Etag);
        bool downloaded = false;
        if (!UsableFile.Exists(pointer))
        {
            if (!File.Exists(blob))
            {
                using var held = await CacheFileLock.AcquireAsync(layout.Lock(metadata.Etag), cancel);
                if (!File.Exists(blob))
                {
                    await DownloadBlobAsync(repo, fileName, revision, layout, metadata, progress, cancel);
                    downloaded = true;
                }
            }
            LinkSnapshot(pointer, blob);
        }
        if (revision != metadata.CommitHash) WriteRef(layout.Ref(revision), metadata.CommitHash);
        var size = new FileInfo(pointer).Length;
        progress?.Report(new DownloadProgress(repo, fileName, downloaded ? DownloadStage.Done : DownloadStage.Cached, size, size, 0));
        return pointer;
    }

    /// <summary>The hub's answer to HEAD /{repo}/resolve/{revision}/{file}.</summary>
    public async Task<HubFileMetadata> GetMetadataAsync(string repo, string fileName, string revision = "main", CancellationToken cancel = default)
    {
        Validate(repo, fileName, revision);
        if (Options.Offline) throw new HubUnreachableException("HF_HUB_OFFLINE is set");
        var url = ResolveUrl(Options.Endpoint, repo, revision, fileName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Options.MetadataTimeout);
        for (int hop = 0; ; hop++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(HttpMethod.Head, url, 0, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new HubUnreachableException($"{Options.Endpoint} did not answer within {Options.MetadataTimeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException e)
            {
                throw new HubUnreachableException($"cannot reach {Options.Endpoint} ({e.Message})", e);
            }
            using (response)
            {
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    // A relative redirect is the hub itself (a renamed repository): follow it. An absolute one
                    // points at the content (CDN): this answer carries the metadata and the download URL.
                    if (!location.IsAbsoluteUri)
                    {
                        if (hop >= MaxRedirects) throw new HubException($"{repo}/{fileName}: more than {MaxRedirects} redirects from {Options.Endpoint}");
                        url = new Uri(url, location);
                        continue;
                    }
                    return ReadMetadata(response, location, repo, fileName);
                }
                if (!response.IsSuccessStatusCode) throw HttpError(response, repo, fileName, revision, url);
                return ReadMetadata(response, url, repo, fileName);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task DownloadBlobAsync(string repo, string fileName, string revision, HubCacheLayout layout, HubFileMetadata metadata,
        IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        var incomplete = layout.Incomplete(metadata.Etag);
        Directory.CreateDirectory(Path.GetDirectoryName(incomplete)!);
        long resumedFrom = File.Exists(incomplete) ? new FileInfo(incomplete).Length : 0;
        for (int attempt = 0; ; attempt++)
        {
            long have = File.Exists(incomplete) ? new FileInfo(incomplete).Length : 0;
            if (metadata.Size is long total && have > total)
            {
                File.Delete(incomplete);
                have = 0;
            }
            if (metadata.Size is long complete && have == complete && File.Exists(incomplete)) break;
            try
            {
                await FetchAsync(repo, fileName, revision, metadata, incomplete, have, resumedFrom, progress, cancel);
                break;
            }
            catch (Exception e) when (!cancel.IsCancellationRequested && IsTransient(e))
            {
                if (attempt >= Options.MaxRetries)
                {
                    long kept = File.Exists(incomplete) ? new FileInfo(incomplete).Length : 0;
                    throw new HubException($"download of {repo}/{fileName} failed after {attempt + 1} attempts ({e.Message}); " +
                        $"{kept} of {metadata.Size?.ToString() ?? "?"} bytes are kept in {incomplete} and the next run resumes from there", e);
                }
                await Task.Delay(Options.RetryDelay * (attempt + 1), cancel);
            }
        }

        progress?.Report(new DownloadProgress(repo, fileName, DownloadStage.Verifying, new FileInfo(incomplete).Length, metadata.Size, resumedFrom));
        long size = new FileInfo(incomplete).Length;
        if (metadata.Size is long expected && size != expected)
        {
            File.Delete(incomplete);
            throw new HubException($"{repo}/{fileName}: downloaded {size} bytes but the hub announced {expected}; the download was removed, run again");
        }
        var hash = await ContentVerifier.HashAsync(incomplete, metadata, cancel);
        if (hash is not null && !string.Equals(hash, metadata.Etag, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(incomplete);
            throw new HubException($"checksum mismatch for {repo}/{fileName} (revision {revision}): the hub's ETag is {metadata.HashKind} {metadata.Etag} " +
                $"but the downloaded file hashes to {hash}; the download was removed. Run again; if it keeps failing, check HF_ENDPOINT ({Options.Endpoint}).");
        }
        File.Move(incomplete, layout.Blob(metadata.Etag), overwrite: true);
    }

    /// <summary>One GET from <paramref name="offset"/> on, appended to <paramref name="path"/>; redirects followed.</summary>
    private async Task FetchAsync(string repo, string fileName, string revision, HubFileMetadata metadata, string path, long offset, long resumedFrom,
        IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        var url = metadata.DownloadUrl;
        for (int hop = 0; ; hop++)
        {
            using var response = await SendAsync(HttpMethod.Get, url, offset, cancel);
            int status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects) throw new HubException($"{repo}/{fileName}: more than {MaxRedirects} redirects from {url}");
                url = new Uri(url, location);
                continue;
            }
            if (status == (int)HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                File.Delete(path);
                throw new TransientDownloadException($"the server could not resume at byte {offset}; starting over");
            }
            if (status >= 500 || status == (int)HttpStatusCode.TooManyRequests)
                throw new TransientDownloadException($"the server answered {status} {response.ReasonPhrase}");
            if (!response.IsSuccessStatusCode) throw HttpError(response, repo, fileName, revision, url);

            bool resumed = status == (int)HttpStatusCode.PartialContent;
            if (resumed && response.Content.Headers.ContentRange?.From != offset)
            {
                File.Delete(path);
                throw new TransientDownloadException($"the server resumed at byte {response.Content.Headers.ContentRange?.From} instead of {offset}; starting over");
            }
            long position = resumed ? offset : 0;
            long? total = metadata.Size ?? (response.Content.Headers.ContentLength is long length ? position + length : null);
            await using var file = new FileStream(path, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using var body = await response.Content.ReadAsStreamAsync(cancel);
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var buffer = new byte[1 << 16];
            while (true)
            {
                stall.CancelAfter(Options.ReadTimeout);
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, stall.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    throw new TransientDownloadException($"no data for {Options.ReadTimeout.TotalSeconds:0} s at byte {position}");
                }
                if (read == 0) break;
                await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                position += read;
                progress?.Report(new DownloadProgress(repo, fileName, DownloadStage.Downloading, position, total, resumedFrom));
            }
            await file.FlushAsync(cancel);
            if (total is long expected && position < expected)
                throw new TransientDownloadException($"the connection closed at byte {position} of {expected}");
            return;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, long rangeFrom, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        // The token belongs to the hub: never sent to a CDN or another host a redirect leads to.
        if (Options.Token is { Length: > 0 } token && IsHubHost(url)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (rangeFrom > 0) request.Headers.Range = new RangeHeaderValue(rangeFrom, null);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
    }

    private bool IsHubHost(Uri url) =>
        Uri.TryCreate(Options.Endpoint, UriKind.Absolute, out var hub) && Uri.Compare(hub, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private HubFileMetadata ReadMetadata(HttpResponseMessage response, Uri downloadUrl, string repo, string fileName)
    {
        var commit = Header(response, "X-Repo-Commit");
        var etag = NormalizeEtag(Header(response, "X-Linked-Etag") ?? Header(response, "ETag"));
        if (commit is null || etag is null)
            throw new HubException($"{repo}/{fileName}: {Options.Endpoint} did not answer like a Hugging Face hub " +
                $"(no {(commit is null ? "X-Repo-Commit" : "ETag")} header); check HF_ENDPOINT");
        if (!HubCacheLayout.IsCommitHash(commit))
            throw new HubException($"{repo}/{fileName}: {Options.Endpoint} sent a malformed X-Repo-Commit \"{commit}\"");
        if (etag.IndexOfAny(['/', '\\']) >= 0 || etag.Contains("..", StringComparison.Ordinal))
            throw new HubException($"{repo}/{fileName}: {Options.Endpoint} sent an ETag that cannot name a cache file: \"{etag}\"");
        long? size = long.TryParse(Header(response, "X-Linked-Size"), out var linked) ? linked : response.Content.Headers.ContentLength;
        return new HubFileMetadata(commit, etag, size, downloadUrl);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    /// <summary>W/"abc" and "abc" both become abc, as the Python client's _normalize_etag does.</summary>
    internal static string? NormalizeEtag(string? etag)
    {
        if (etag is null) return null;
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return value.Length == 0 ? null : value;
    }

    private static HubException HttpError(HttpResponseMessage response, string repo, string fileName, string revision, Uri url)
    {
        int status = (int)response.StatusCode;
        var code = Header(response, "X-Error-Code");
        var hubMessage = Header(response, "X-Error-Message");
        var reason = code switch
        {
            "EntryNotFound" => $"{repo} has no file {fileName} at revision {revision}",
            "RevisionNotFound" => $"{repo} has no revision {revision}",
            "RepoNotFound" => $"repository {repo} not found (if it is private, set HF_TOKEN)",
            "GatedRepo" => $"{repo} is gated: accept its conditions on the hub and set HF_TOKEN",
            _ => status switch
            {
                404 => $"{repo}/{fileName} not found at revision {revision}",
                401 => $"repository {repo} not found or private (set HF_TOKEN)",
                403 => $"access to {repo}/{fileName} refused (set HF_TOKEN; a gated repository needs its conditions accepted)",
                _ => $"{repo}/{fileName}: the hub answered {status} {response.ReasonPhrase}",
            },
        };
        var detail = hubMessage is null ? "" : $": {hubMessage}";
        return new HubException($"{reason} (HTTP {status}{detail}; {url})") { StatusCode = status };
    }

    private static bool IsTransient(Exception e) =>
        e is TransientDownloadException or IOException or TimeoutException or HttpRequestException { StatusCode: null };

    private static void LinkSnapshot(string pointer, string blob)
    {
        var folder = Path.GetDirectoryName(pointer)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(pointer)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.CreateSymbolicLink(temp, Path.GetRelativePath(folder, blob));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            File.Copy(blob, temp); // a file system without symbolic links: the Python client copies too
        }
        File.Move(temp, pointer, overwrite: true);
    }

    private static void WriteRef(string refPath, string commit)
    {
        if (File.Exists(refPath) && File.ReadAllText(refPath).Trim() == commit) return;
        Directory.CreateDirectory(Path.GetDirectoryName(refPath)!);
        var temp = refPath + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, commit);
        File.Move(temp, refPath, overwrite: true);
    }

    private static void Validate(string repo, string fileName, string revision)
    {
        if (!RepoPattern().IsMatch(repo)) throw new ArgumentException($"\"{repo}\" is not a hub repository id (org/name)", nameof(repo));
        if (fileName.Length == 0 || fileName.StartsWith('/') || fileName.Contains('\\') || fileName.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"\"{fileName}\" is not a file path inside a repository", nameof(fileName));
        if (revision.Length == 0 || revision.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"\"{revision}\" is not a revision", nameof(revision));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex RepoPattern();

    /// <summary>The hub could not be reached at all (no network, DNS, refused, timed out).</summary>
    private sealed class HubUnreachableException(string message, Exception? inner = null) : HubException(message, inner);

    /// <summary>A download broke off in a way worth resuming.</summary>
    private sealed class TransientDownloadException(string message) : Exception(message);
}
