// The blind order: a permutation of the items numbered 1…n, the same for the same seed, and sides
// balanced (the lower NFE plays as A in half the trials, give or take the odd one).
using IShowTts.Ops.Quality;

namespace IShowTts.Ops.Tests.Quality;

public sealed class BlindOrderTests
{
    private static List<string> Items(int n) => Enumerable.Range(1, n).Select(i => $"item-{i:D2}").ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(24)]
    public void IsAPermutationNumberedFromOne(int n)
    {
        var trials = BlindOrder.Create(Items(n), 6, 7, seed: 42);
        Assert.Equal(Enumerable.Range(1, n), trials.Select(t => t.Trial));
        Assert.Equal(Items(n), trials.Select(t => t.ItemId).Order(StringComparer.Ordinal));
        Assert.All(trials, t => Assert.True((t.NfeA, t.NfeB) is (6, 7) or (7, 6), $"trial {t.Trial} compares {t.NfeA} with {t.NfeB}"));
    }

    [Fact]
    public void IsReproducibleFromItsSeed()
    {
        var first = BlindOrder.Create(Items(24), 6, 7, seed: 2026);
        var again = BlindOrder.Create(Items(24), 6, 7, seed: 2026);
        var other = BlindOrder.Create(Items(24), 6, 7, seed: 2027);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void IsShuffled()
    {
        // Over 20 seeds, the identity order of 24 items (1 in 24! per seed) never comes out.
        for (int seed = 0; seed < 20; seed++)
            Assert.NotEqual(Items(24), BlindOrder.Create(Items(24), 6, 7, seed).Select(t => t.ItemId));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(24)]
    [InlineData(25)]
    public void SidesAreBalancedForEverySeed(int n)
    {
        var lowerFirstCounts = new HashSet<int>();
        for (int seed = 0; seed < 200; seed++)
        {
            var trials = BlindOrder.Create(Items(n), 6, 7, seed);
            int lowerFirst = trials.Count(t => t.NfeA == 6);
            Assert.True(Math.Abs(2 * lowerFirst - n) <= 1, $"seed {seed}: the lower NFE plays first in {lowerFirst} of {n} trials");
            lowerFirstCounts.Add(trials.Select((t, i) => t.NfeA == 6 ? 1 << (i % 30) : 0).Sum());
        }
        Assert.True(lowerFirstCounts.Count > 1, "which trials play the lower NFE first must vary with the seed");
    }
}
