// What the hub says about one file at one revision (its answer to HEAD /{repo}/resolve/{rev}/{file}):
// the commit the revision points to, the content's ETag (SHA-256 for LFS files, git blob SHA-1 for
// small ones), the size, and where to GET the bytes (the hub itself or a CDN it redirects to).
namespace IShowTts.Synthesis.Acquisition;

public sealed record HubFileMetadata(string CommitHash, string Etag, long? Size, Uri DownloadUrl)
{
    /// <summary>"sha256" (64 hex digits: an LFS file), "git-sha1" (40: a small file) or "none" (a mirror's own ETag).</summary>
    public string HashKind => Etag.Length == 64 && IsHex(Etag) ? "sha256" : Etag.Length == 40 && IsHex(Etag) ? "git-sha1" : "none";

    private static bool IsHex(string s) => s.All(char.IsAsciiHexDigit);
}
