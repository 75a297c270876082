// The manifest file and the session store: a round trip through manifest.json keeps every field, the
// schema is checked, session ids cannot leave the sessions folder, and ratings are upserted one per
// listener and trial, atomically and without losing concurrent writes.
using System.Text.Json;
using IShowTts.Ops.Files;
using IShowTts.Ops.Quality;

namespace IShowTts.Ops.Tests.Quality;

public sealed class QualityManifestTests
{
    private static (QualitySessionStore Store, QualityManifest Manifest) Stored(QualityManifest? manifest = null)
    {
        var root = Directory.CreateTempSubdirectory("ishowtts-quality-").FullName;
        manifest ??= Sessions.Manifest();
        OpsJson.Write(Path.Combine(root, manifest.Id, QualitySessionStore.ManifestFile), manifest);
        return (new QualitySessionStore(root), manifest);
    }

    [Fact]
    public void RoundTripKeepsEveryField()
    {
        var (store, written) = Stored();
        var read = store.Open(written.Id);
        Assert.Equal(JsonSerializer.Serialize(written, OpsJson.Indented), JsonSerializer.Serialize(read, OpsJson.Indented));
        Assert.Equal((6, 7, 32, 1234), (read.LowerNfe, read.HigherNfe, read.ReferenceNfe, read.OrderSeed));
        Assert.Equal(written.Trials, read.Trials);
        Assert.Equal(written.Items[2].Samples, read.Items[2].Samples);
    }

    [Fact]
    public void ManifestIsSnakeCaseJsonWithTheSchema()
    {
        var (store, m) = Stored();
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(store.Folder(m.Id), QualitySessionStore.ManifestFile))).RootElement;
        Assert.Equal("ishowtts-quality/1", json.GetProperty("schema").GetString());
        Assert.Equal(32, json.GetProperty("reference_nfe").GetInt32());
        Assert.Equal(7, json.GetProperty("trials")[1].GetProperty("nfe_a").GetInt32());
        Assert.Equal("samples/medium-en-02/nfe-7.wav", json.GetProperty("items")[1].GetProperty("samples")[1].GetProperty("file").GetString());
    }

    [Fact]
    public void AnotherSchemaIsRefusedWithTheFileNamed()
    {
        var (store, m) = Stored(Sessions.Manifest() with { Schema = "ishowtts-quality/0" });
        var e = Assert.Throws<OpsException>(() => store.Open(m.Id));
        Assert.Contains("manifest.json", e.Message);
        Assert.Contains("ishowtts-quality/1", e.Message);
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData("%2e%2e")]
    public void IdsThatCouldLeaveTheFolderAreNotSessions(string id)
    {
        var (store, _) = Stored();
        Assert.False(QualitySessionStore.IsValidId(id));
        Assert.Null(store.TryOpen(id));
    }

    [Fact]
    public void ListIsNewestFirstAndSkipsFoldersWithoutManifest()
    {
        var (store, older) = Stored();
        var newer = Sessions.Manifest() with { Id = "newer", CreatedAt = older.CreatedAt.AddDays(1) };
        OpsJson.Write(Path.Combine(store.Root, "newer", QualitySessionStore.ManifestFile), newer);
        Directory.CreateDirectory(Path.Combine(store.Root, "empty-folder"));
        Assert.Equal(["newer", "test-session"], store.List().Select(m => m.Id));
    }

    [Fact]
    public void SavingReplacesTheSameListenersRatingOfATrial()
    {
        var (store, m) = Stored();
        store.Save(m, [Sessions.Prefer(m, 1, 6, "ana"), Sessions.Prefer(m, 2, 6, "ana")]);
        int total = store.Save(m, [Sessions.Prefer(m, 1, 7, "ana", minute: 1), Sessions.Prefer(m, 1, 7, "bo")]);
        Assert.Equal(3, total);
        var ratings = store.Ratings(m.Id);
        Assert.Equal(3, ratings.Count);
        Assert.Equal("b", ratings.Single(r => r.Listener == "ana" && r.Trial == 1).Choice);  // trial 1 plays NFE 7 as B
        Assert.Empty(Directory.GetFiles(store.Folder(m.Id), "*.tmp"));
    }

    [Fact]
    public void InvalidRatingsAreNotSaved()
    {
        var (store, m) = Stored();
        var e = Assert.Throws<OpsException>(() => store.Save(m, [Sessions.Prefer(m, 1, 6, "ana"), new QualityRating(1, "c", null, null, "bo", null, Sessions.T0)]));
        Assert.Contains("choice must be a, b or same", e.Message);
        Assert.Empty(store.Ratings(m.Id));
    }

    [Fact]
    public async Task ConcurrentSavesLoseNothing()
    {
        var (store, m) = Stored();
        await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(() =>
            store.Save(m, [Sessions.Prefer(m, i % m.Trials.Count + 1, 6, $"listener-{i}")]))));
        Assert.Equal(48, store.Ratings(m.Id).Count);
    }

    [Fact]
    public async Task ASaveWaitsForAnotherProcessHoldingTheRatingsLock()
    {
        var (store, m) = Stored();
        Task<int> save;
        // What `ishowtts quality rate` in another process holds while it writes (an advisory lock on the lock file).
        using (new FileStream(Path.Combine(store.Folder(m.Id), QualitySessionStore.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            save = Task.Run(() => store.Save(m, [Sessions.Prefer(m, 1, 6, "ana")]));
            await Task.Delay(300, TestContext.Current.CancellationToken);
            Assert.False(save.IsCompleted, "the save must wait for the lock");
        }
        Assert.Equal(1, await save);
        Assert.Single(store.Ratings(m.Id));
    }
}
