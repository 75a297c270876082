// The blind, randomised listening order: items shuffled, and the sides balanced — half the trials play
// the lower NFE as A, half the higher (an odd trial out decided by a coin), which trials is random. A
// coin per trial could put one NFE first in most trials and let a listener's side bias pass for a
// preference. Seeded, so an order can be reproduced for an audit; the seed is kept in the manifest only.
namespace IShowTts.Ops.Quality;

public static class BlindOrder
{
    public static IReadOnlyList<QualityTrial> Create(IReadOnlyList<string> itemIds, int lowerNfe, int higherNfe, int seed)
    {
        var random = new Random(seed);
        var order = itemIds.ToArray();
        random.Shuffle(order);
        var lowerFirst = new bool[order.Length];
        for (int i = 0; i < order.Length / 2; i++) lowerFirst[i] = true;
        if (order.Length % 2 == 1) lowerFirst[^1] = random.Next(2) == 0;
        random.Shuffle(lowerFirst);
        return order.Select((id, i) => lowerFirst[i]
            ? new QualityTrial(i + 1, id, lowerNfe, higherNfe)
            : new QualityTrial(i + 1, id, higherNfe, lowerNfe)).ToList();
    }
}
