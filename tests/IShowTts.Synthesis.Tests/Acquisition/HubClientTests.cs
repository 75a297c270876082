// Downloads from a local hub stand-in: the cache layout the Python client shares, resume over HTTP
// Range, checksum verification against the ETags, errors naming repository and file, redirects,
// and the cache used with no network.
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Synthesis.Tests.Acquisition;

public sealed class HubClientTests
{
    private const string Repo = "SWivid/F5-TTS";
    private const string Checkpoint = "F5TTS_v1_Base/model_1250000.safetensors";
    private const string Vocab = "F5TTS_v1_Base/vocab.txt";

    [Fact]
    public async Task AFreshDownloadLandsInTheHubCacheLayout()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(300_000, 1);
        var vocab = "a\nb\nc\n"u8.ToArray();
        hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        hub.AddSmallFile(Repo, Vocab, vocab, AcquisitionScratch.Commit);
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var weightsPath = await client.EnsureFileAsync(Repo, Checkpoint);
        var vocabPath = await client.EnsureFileAsync(Repo, Vocab);

        var repoFolder = Path.Combine(scratch.Cache, "models--SWivid--F5-TTS");
        Assert.Equal(Path.Combine(repoFolder, "snapshots", AcquisitionScratch.Commit, "F5TTS_v1_Base", "model_1250000.safetensors"), weightsPath);
        Assert.Equal($"../../../blobs/{FakeHubServer.Sha256(weights)}", new FileInfo(weightsPath).LinkTarget);
        Assert.Equal($"../../../blobs/{FakeHubServer.GitBlobSha1(vocab)}", new FileInfo(vocabPath).LinkTarget);
        Assert.Equal(weights, await File.ReadAllBytesAsync(weightsPath));
        Assert.Equal(vocab, await File.ReadAllBytesAsync(vocabPath));
        Assert.Equal(AcquisitionScratch.Commit, await File.ReadAllTextAsync(Path.Combine(repoFolder, "refs", "main")));
        Assert.Empty(Directory.GetFiles(Path.Combine(repoFolder, "blobs"), "*.incomplete"));
        Assert.True(File.Exists(Path.Combine(scratch.Cache, ".locks", "models--SWivid--F5-TTS", FakeHubServer.Sha256(weights) + ".lock")));
    }

    [Fact]
    public async Task ProgressGoesFromCheckingToDoneAndReachesTheTotal()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(200_000, 2);
        hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        using var client = new HubClient(scratch.Options(hub.Endpoint));
        var reports = new List<DownloadProgress>();

        await client.EnsureFileAsync(Repo, Checkpoint, progress: new InlineProgress<DownloadProgress>(reports.Add));

        Assert.Equal(DownloadStage.Checking, reports[0].Stage);
        Assert.Equal(DownloadStage.Done, reports[^1].Stage);
        Assert.Contains(reports, r => r.Stage == DownloadStage.Verifying);
        var downloading = reports.Where(r => r.Stage == DownloadStage.Downloading).ToList();
        Assert.NotEmpty(downloading);
        Assert.All(downloading, r => Assert.Equal(weights.Length, r.TotalBytes));
        Assert.Equal(weights.Length, downloading[^1].Bytes);
        Assert.True(downloading.Zip(downloading.Skip(1)).All(p => p.First.Bytes <= p.Second.Bytes));
    }

    [Fact]
    public async Task AnInterruptedDownloadResumesWithARangeRequestOnTheNextRun()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(250_000, 3);
        var cdn = hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        hub.CutGets(cdn, afterBytes: 100_000);
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var e = await Assert.ThrowsAsync<HubException>(() => client.EnsureFileAsync(Repo, Checkpoint));
        var incomplete = Path.Combine(scratch.Cache, "models--SWivid--F5-TTS", "blobs", FakeHubServer.Sha256(weights) + ".incomplete");
        Assert.Contains("resumes", e.Message);
        Assert.Equal(100_000, new FileInfo(incomplete).Length);

        var path = await client.EnsureFileAsync(Repo, Checkpoint);

        Assert.Equal(weights, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(incomplete));
        var gets = hub.Gets(cdn);
        Assert.Equal(2, gets.Count);
        Assert.Null(gets[0].Header("Range"));
        Assert.Equal("bytes=100000-", gets[1].Header("Range"));
    }

    [Fact]
    public async Task ADroppedConnectionIsResumedWithinOneCall()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(250_000, 4);
        var cdn = hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        hub.CutGets(cdn, afterBytes: 60_000, times: 2);
        using var client = new HubClient(scratch.Options(hub.Endpoint) with { MaxRetries = 3 });

        var path = await client.EnsureFileAsync(Repo, Checkpoint);

        Assert.Equal(weights, await File.ReadAllBytesAsync(path));
        Assert.Equal([null, "bytes=60000-", "bytes=120000-"], hub.Gets(cdn).Select(g => g.Header("Range")));
    }

    [Fact]
    public async Task ALfsChecksumMismatchIsAnErrorAndLeavesNoFile()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(100_000, 5);
        var corrupt = (byte[])weights.Clone();
        corrupt[12_345] ^= 0xFF;
        hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit, served: corrupt);
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var e = await Assert.ThrowsAsync<HubException>(() => client.EnsureFileAsync(Repo, Checkpoint));

        Assert.Contains("checksum mismatch", e.Message);
        Assert.Contains($"{Repo}/{Checkpoint}", e.Message);
        Assert.Contains(FakeHubServer.Sha256(weights), e.Message);
        Assert.Contains(FakeHubServer.Sha256(corrupt), e.Message);
        AssertNoFiles(Path.Combine(scratch.Cache, "models--SWivid--F5-TTS"));
    }

    [Fact]
    public async Task ASmallFileIsVerifiedByItsGitBlobHash()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        hub.AddSmallFile(Repo, Vocab, "a\nb\n"u8.ToArray(), AcquisitionScratch.Commit, served: "a\nc\n"u8.ToArray());
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var e = await Assert.ThrowsAsync<HubException>(() => client.EnsureFileAsync(Repo, Vocab));

        Assert.Contains("checksum mismatch", e.Message);
        Assert.Contains("git-sha1", e.Message);
        AssertNoFiles(Path.Combine(scratch.Cache, "models--SWivid--F5-TTS"));
    }

    [Fact]
    public async Task AMissingFileIsAnErrorNamingRepositoryAndFile()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var e = await Assert.ThrowsAsync<HubException>(() => client.EnsureFileAsync(Repo, "F5TTS_v1_Base/model_9.safetensors"));

        Assert.Equal(404, e.StatusCode);
        Assert.Contains("SWivid/F5-TTS has no file F5TTS_v1_Base/model_9.safetensors at revision main", e.Message);
        Assert.Contains("HTTP 404", e.Message);
        Assert.IsNotType<HubOfflineException>(e);
    }

    [Fact]
    public async Task APlain404WithoutHubHeadersStillNamesTheFile()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        hub.Route(FakeHubServer.ResolvePath(Repo, "main", Vocab), _ => new FakeResponse(404, new Dictionary<string, string>(), []));
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var e = await Assert.ThrowsAsync<HubException>(() => client.EnsureFileAsync(Repo, Vocab));

        Assert.Contains($"{Repo}/{Vocab} not found at revision main", e.Message);
    }

    [Fact]
    public async Task ARelativeRedirectOfTheHubIsFollowed()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var vocab = "x\ny\n"u8.ToArray();
        hub.AddSmallFile(Repo, Vocab, vocab, AcquisitionScratch.Commit);
        hub.AddRedirect(FakeHubServer.ResolvePath("Old/F5-TTS", "main", Vocab), FakeHubServer.ResolvePath(Repo, "main", Vocab));
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var path = await client.EnsureFileAsync("Old/F5-TTS", Vocab);

        Assert.Equal(vocab, await File.ReadAllBytesAsync(path));
        Assert.StartsWith(Path.Combine(scratch.Cache, "models--Old--F5-TTS", "snapshots"), path);
        Assert.Contains(hub.Requests, r => r.Method == "HEAD" && r.Path == FakeHubServer.ResolvePath(Repo, "main", Vocab));
    }

    [Fact]
    public async Task AbsoluteAndRelativeRedirectsOfTheDownloadAreFollowed()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(50_000, 6);
        var cdn = hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        hub.Route("/store/final", r => FakeHubServer.Ranged(r, weights, []));
        hub.AddRedirect(cdn, $"{hub.Endpoint}/store/moved", 302);
        hub.AddRedirect("/store/moved", "/store/final");
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var path = await client.EnsureFileAsync(Repo, Checkpoint);

        Assert.Equal(weights, await File.ReadAllBytesAsync(path));
        Assert.Single(hub.Gets(cdn));
        Assert.Single(hub.Gets("/store/moved"));
        Assert.Single(hub.Gets("/store/final"));
    }

    [Fact]
    public async Task TheTokenIsSentToTheHubButNotToTheHostItRedirectsTo()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(10_000, 7);
        var cdn = hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit, cdnHost: "localhost");
        using var client = new HubClient(scratch.Options(hub.Endpoint) with { Token = "hf_secret" });

        await client.EnsureFileAsync(Repo, Checkpoint);

        Assert.Equal("Bearer hf_secret", hub.Requests.Single(r => r.Method == "HEAD").Header("Authorization"));
        Assert.Null(Assert.Single(hub.Gets(cdn)).Header("Authorization"));
    }

    [Fact]
    public async Task APythonMadeCacheIsUsedWithoutTheNetwork()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var content = "python wrote this\n"u8.ToArray();
        var expected = PythonCache(scratch.Cache, Repo, Vocab, content);
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var path = await client.EnsureFileAsync(Repo, Vocab);

        Assert.Equal(expected, path);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Empty(hub.Requests);
        Assert.Equal(expected, client.TryGetCachedFile(Repo, Vocab));
        Assert.Equal(expected, client.TryGetCachedFile(Repo, Vocab, AcquisitionScratch.Commit));
    }

    [Fact]
    public async Task ACacheLinkWhoseBlobIsGoneIsDownloadedAgain()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var content = "v1\n"u8.ToArray();
        var pointer = PythonCache(scratch.Cache, Repo, Vocab, content);
        File.Delete(Path.Combine(scratch.Cache, "models--SWivid--F5-TTS", "blobs", FakeHubServer.GitBlobSha1(content)));
        hub.AddSmallFile(Repo, Vocab, content, AcquisitionScratch.Commit);
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        Assert.Null(client.TryGetCachedFile(Repo, Vocab));
        var path = await client.EnsureFileAsync(Repo, Vocab);

        Assert.Equal(pointer, path);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task CancellingKeepsThePartialFileForTheNextRun()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(2_000_000, 8);
        var cdn = hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        using var client = new HubClient(scratch.Options(hub.Endpoint));
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<DownloadProgress>(p => { if (p.Stage == DownloadStage.Downloading) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.EnsureFileAsync(Repo, Checkpoint, progress: progress, cancel: cancel.Token));
        var incomplete = Path.Combine(scratch.Cache, "models--SWivid--F5-TTS", "blobs", FakeHubServer.Sha256(weights) + ".incomplete");
        long kept = new FileInfo(incomplete).Length;
        Assert.InRange(kept, 1, weights.Length - 1);

        Assert.Equal(weights, await File.ReadAllBytesAsync(await client.EnsureFileAsync(Repo, Checkpoint)));
        Assert.Equal($"bytes={kept}-", hub.Gets(cdn)[^1].Header("Range"));
    }

    [Fact]
    public async Task TwoDownloadsOfOneFileAtOnceWriteItOnce()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        var weights = AcquisitionScratch.Content(1_000_000, 9);
        var cdn = hub.AddLfsFile(Repo, Checkpoint, weights, AcquisitionScratch.Commit);
        using var first = new HubClient(scratch.Options(hub.Endpoint));
        using var second = new HubClient(scratch.Options(hub.Endpoint));

        var paths = await Task.WhenAll(first.EnsureFileAsync(Repo, Checkpoint), second.EnsureFileAsync(Repo, Checkpoint));

        Assert.Equal(paths[0], paths[1]);
        Assert.Equal(weights, await File.ReadAllBytesAsync(paths[0]));
        Assert.Single(hub.Gets(cdn));
    }

    [Fact]
    public async Task WithNoNetworkTheCacheIsUsedElseTheMissingFileIsNamed()
    {
        using var scratch = new AcquisitionScratch();
        var expected = PythonCache(scratch.Cache, Repo, Vocab, "v\n"u8.ToArray());
        using var client = new HubClient(scratch.Options(AcquisitionScratch.DeadEndpoint()) with { RevalidateCached = true });

        Assert.Equal(expected, await client.EnsureFileAsync(Repo, Vocab));
        var e = await Assert.ThrowsAsync<HubOfflineException>(() => client.EnsureFileAsync(Repo, Checkpoint));

        Assert.Contains("cannot reach", e.Message);
        Assert.Contains(Checkpoint, e.Message);
        Assert.Equal(Checkpoint, Assert.Single(e.Missing).FileName);
    }

    [Fact]
    public async Task OfflineModeNeverAsksTheHub()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        hub.AddSmallFile(Repo, Vocab, "v\n"u8.ToArray(), AcquisitionScratch.Commit);
        using var client = new HubClient(scratch.Options(hub.Endpoint) with { Offline = true });

        var e = await Assert.ThrowsAsync<HubOfflineException>(() => client.EnsureFileAsync(Repo, Vocab));

        Assert.Contains("HF_HUB_OFFLINE", e.Message);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task AServerThatIsNotAHubIsAClearError()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        hub.Route(FakeHubServer.ResolvePath(Repo, "main", Vocab), r => FakeHubServer.Ranged(r, "<html>"u8.ToArray(), []));
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var e = await Assert.ThrowsAsync<HubException>(() => client.EnsureFileAsync(Repo, Vocab));

        Assert.Contains("did not answer like a Hugging Face hub", e.Message);
        Assert.Contains("HF_ENDPOINT", e.Message);
    }

    [Fact]
    public void BadRepositoryAndFileNamesAreRefused()
    {
        using var scratch = new AcquisitionScratch();
        using var client = new HubClient(scratch.Options("http://127.0.0.1:1"));

        Assert.Throws<ArgumentException>(() => client.TryGetCachedFile("no-slash", Vocab));
        Assert.Throws<ArgumentException>(() => client.TryGetCachedFile(Repo, "../escape.txt"));
        Assert.Throws<ArgumentException>(() => client.TryGetCachedFile(Repo, "/abs.txt"));
    }

    [Fact]
    public void EtagsAreNormalisedAsThePythonClientDoes()
    {
        Assert.Equal("abc", HubClient.NormalizeEtag("W/\"abc\""));
        Assert.Equal("abc", HubClient.NormalizeEtag("\"abc\""));
        Assert.Null(HubClient.NormalizeEtag(null));
    }

    /// <summary>What huggingface_hub leaves behind: blob by hash, relative snapshot link, refs/main.</summary>
    internal static string PythonCache(string cache, string repo, string fileName, byte[] content)
    {
        var folder = Path.Combine(cache, "models--" + repo.Replace("/", "--"));
        var blob = Path.Combine(folder, "blobs", FakeHubServer.GitBlobSha1(content));
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        File.WriteAllBytes(blob, content);
        var pointer = Path.Combine([folder, "snapshots", AcquisitionScratch.Commit, .. fileName.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(pointer)!);
        File.CreateSymbolicLink(pointer, Path.GetRelativePath(Path.GetDirectoryName(pointer)!, blob));
        Directory.CreateDirectory(Path.Combine(folder, "refs"));
        File.WriteAllText(Path.Combine(folder, "refs", "main"), AcquisitionScratch.Commit);
        return pointer;
    }

    private static void AssertNoFiles(string repoFolder)
    {
        var files = Directory.Exists(repoFolder) ? Directory.GetFiles(repoFolder, "*", SearchOption.AllDirectories) : [];
        Assert.True(files.Length == 0, "left behind: " + string.Join(", ", files));
    }
}
