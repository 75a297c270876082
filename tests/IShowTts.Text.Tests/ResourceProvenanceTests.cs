// The vendored data is what Resources/README.md says it is: each embedded file, inflated, has the
// SHA-256 of its upstream original (or of the documented conversion), so a re-vendored or corrupted
// file cannot silently change segmentation or pinyin.
using System.Security.Cryptography;
using IShowTts.Text.Internal;

namespace IShowTts.Text.Tests;

public sealed class ResourceProvenanceTests
{
    public static TheoryData<string, string> Resources => new()
    {
        { "vocab.txt", "4e173934be56219eb38759fa8d4c48132d5a34454f0c44abce409bcf6a07ec46" },
        { "jieba_dict.txt.gz", "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8" },
        { "jieba_hmm.json.gz", "ba447663d3fc0af2e2e34c7a24fef9a9afb545faa6662405b5aecfdd2ae5601c" },
        { "pypinyin_pinyin_dict.json.gz", "5f294c01e6c6c0a1c8e329c79335a3f8e0b27d06bf1de7a99244b765892d1e5b" },
        { "pypinyin_phrases_dict.json.gz", "a45ff140a6b631ca9c82127b280a2f414e0aba6bb2824a0e9d1e77fff359c665" },
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public void EmbeddedDataHasTheDocumentedHash(string resource, string sha256)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(EmbeddedData.ReadAllBytes(resource)));
        Assert.Equal(sha256, actual);
    }
}
