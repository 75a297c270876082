using IShowTts.Synthesis.Caching;
using IShowTts.TestSupport;

namespace IShowTts.Synthesis.Tests.Caching;

public sealed class ReferenceCacheTests
{
    private static int _melCalls;

    private static float[] FakeMelOf(float[] wave)
    {
        Interlocked.Increment(ref _melCalls);
        return new float[(wave.Length / 256 + 1) * 100];
    }

    [Fact]
    public void ProcessesOncePerContentAndSurvivesARestart()
    {
        var dir = Directory.CreateTempSubdirectory("ishowtts-refcache-").FullName;
        var wav = Path.Combine(dir, "ref.wav");
        File.Copy(Golden.Find("*.wav")[0], wav);
        int before = _melCalls;
        var first = new ReferenceCache(dir, FakeMelOf).Get(wav, "text");
        var again = new ReferenceCache(dir, FakeMelOf).Get(wav, "text"); // a new process: read from disk
        Assert.Equal(before + 1, _melCalls);
        Assert.Equal(first.Wave24k, again.Wave24k);
        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Single(Directory.GetFiles(dir, "*.ref"));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));

        new ReferenceCache(dir, FakeMelOf).Get(wav, "another transcript");
        Assert.Equal(before + 2, _melCalls);
        var bytes = File.ReadAllBytes(wav);
        bytes[^1] ^= 0x40; // the file changes
        File.WriteAllBytes(wav, bytes);
        new ReferenceCache(dir, FakeMelOf).Get(wav, "text");
        Assert.Equal(before + 3, _melCalls);
    }

    [Fact]
    public void DamagedCacheFileIsRebuilt()
    {
        var dir = Directory.CreateTempSubdirectory("ishowtts-refcache-").FullName;
        var wav = Golden.Find("*.wav")[0];
        var first = new ReferenceCache(dir, FakeMelOf).Get(wav, "t");
        File.WriteAllText(Directory.GetFiles(dir, "*.ref")[0], "garbage");
        var rebuilt = new ReferenceCache(dir, FakeMelOf).Get(wav, "t");
        Assert.Equal(first.Wave24k, rebuilt.Wave24k);
    }
}
