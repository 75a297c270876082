using IShowTts.Synthesis.Caching;

namespace IShowTts.Synthesis.Tests.Caching;

public sealed class ClipCacheTests
{
    private static SpeechClip Clip(float v) => new([v], 24000, "v", "e", false, []);

    [Fact]
    public void EvictsTheLeastRecentlyUsed()
    {
        var cache = new ClipCache(2);
        cache.Put("a", Clip(1));
        cache.Put("b", Clip(2));
        Assert.True(cache.TryGet("a", out _));
        cache.Put("c", Clip(3));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }
}
