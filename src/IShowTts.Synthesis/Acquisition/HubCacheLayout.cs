// The Hugging Face hub cache layout, exactly as the Python client writes it, so either program reuses
// the other's downloads:
//   {cache}/models--{org}--{name}/blobs/{etag}                  the content, named by its hash
//   {cache}/models--{org}--{name}/snapshots/{commit}/{file}     a relative symlink → ../../blobs/{etag}
//   {cache}/models--{org}--{name}/refs/{revision}               the commit the revision last pointed to
//   {cache}/.locks/models--{org}--{name}/{etag}.lock            held while a blob is written
using System.Text.RegularExpressions;

namespace IShowTts.Synthesis.Acquisition;

internal sealed partial class HubCacheLayout(string cacheDirectory, string repo)
{
    public string RepoFolder { get; } = Path.Combine(cacheDirectory, FolderName(repo));

    public static string FolderName(string repo) => "models--" + repo.Replace("/", "--", StringComparison.Ordinal);

    public static bool IsCommitHash(string revision) => CommitPattern().IsMatch(revision);

    public string Blob(string etag) => Path.Combine(RepoFolder, "blobs", etag);

    public string Incomplete(string etag) => Blob(etag) + ".incomplete";

    public string Snapshot(string commit, string fileName) =>
        Path.Combine([RepoFolder, "snapshots", commit, .. fileName.Split('/')]);

    public string Ref(string revision) => Path.Combine([RepoFolder, "refs", .. revision.Split('/')]);

    public string Lock(string etag) => Path.Combine(cacheDirectory, ".locks", FolderName(repo), etag + ".lock");

    /// <summary>The commit a revision points to: itself when it is a commit hash, else the content of refs/{revision}.</summary>
    public string? CommitFor(string revision)
    {
        if (IsCommitHash(revision)) return revision;
        var refPath = Ref(revision);
        if (!File.Exists(refPath)) return null;
        var commit = File.ReadAllText(refPath).Trim();
        return IsCommitHash(commit) ? commit : null;
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitPattern();
}
