// The key store `ishowtts keys` uses: secrets shown once and stored only as hashes, names and scopes
// checked, revocation by id or name, and the file readable by its owner only.
using IShowTts.Server.Security;

namespace IShowTts.Server.Tests;

public sealed class ApiKeyStoreTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ishowtts-keys-").FullName;

    [Fact]
    public void CreatedKeyVerifiesAndIsStoredOnlyAsAHash()
    {
        var store = new ApiKeyStore(_dir);
        var created = store.Create("overlay", ["speak"]);
        Assert.StartsWith("ist_", created.Secret);
        Assert.True(created.Secret.Length > 40);
        Assert.Equal("overlay", store.Verify(created.Secret)?.Name);
        Assert.Null(store.Verify(created.Secret + "x"));
        Assert.DoesNotContain(created.Secret, File.ReadAllText(store.FilePath));
        Assert.Contains(ApiKeyStore.Hash(created.Secret), File.ReadAllText(store.FilePath));
        Assert.Equal(created.Secret[..8], store.List().Single().Prefix);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
    }

    [Fact]
    public void AnotherProcessSeesTheSameKeys()
    {
        var created = new ApiKeyStore(_dir).Create("bot", ["admin", "speak"]);
        var other = new ApiKeyStore(_dir);
        Assert.Equal(["admin", "speak"], other.Verify(created.Secret)!.Scopes);
    }

    [Fact]
    public void RevokeTakesTheIdOrTheName()
    {
        var store = new ApiKeyStore(_dir);
        var a = store.Create("a", ["speak"]);
        var b = store.Create("b", ["speak"]);
        Assert.True(store.Revoke(a.Key.Id));
        Assert.True(store.Revoke("b"));
        Assert.False(store.Revoke("b"));
        Assert.Null(store.Verify(a.Secret));
        Assert.Null(store.Verify(b.Secret));
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("dup", new[] { "speak" }, "already exists")]
    [InlineData("x", new[] { "root" }, "unknown scope 'root'")]
    [InlineData("x", new string[0], "at least one scope")]
    [InlineData("", new[] { "speak" }, "not a usable key name")]
    public void BadRequestsSayWhy(string name, string[] scopes, string reason)
    {
        var store = new ApiKeyStore(_dir);
        store.Create("dup", ["speak"]);
        var e = Assert.Throws<ApiKeyException>(() => store.Create(name, scopes));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void UnreadableFileNamesItself()
    {
        File.WriteAllText(Path.Combine(_dir, "keys.json"), "{ not json");
        var e = Assert.Throws<ApiKeyException>(() => new ApiKeyStore(_dir));
        Assert.Contains("keys.json", e.Message);
    }
}
