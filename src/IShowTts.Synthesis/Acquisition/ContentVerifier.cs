// Checks a downloaded file against the hub's ETag: an LFS file's ETag is the SHA-256 of its content,
// a small (git-stored) file's ETag is its git blob id, SHA-1 of "blob {size}\0" + content.
using System.Security.Cryptography;
using System.Text;

namespace IShowTts.Synthesis.Acquisition;

internal static class ContentVerifier
{
    /// <summary>The hash of the file in the ETag's kind, or null when the ETag is neither (nothing to check).</summary>
    public static async Task<string?> HashAsync(string path, HubFileMetadata metadata, CancellationToken cancel)
    {
        HashAlgorithmName? algorithm = metadata.HashKind switch
        {
            "sha256" => HashAlgorithmName.SHA256,
            "git-sha1" => HashAlgorithmName.SHA1,
            _ => null,
        };
        if (algorithm is null) return null;
        using var hash = IncrementalHash.CreateHash(algorithm.Value);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        if (metadata.HashKind == "git-sha1") hash.AppendData(Encoding.ASCII.GetBytes($"blob {stream.Length}\0"));
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel)) > 0) hash.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
