// The blind, randomised listening order: items shuffled, and for each trial a coin decides which NFE
// plays as A. Seeded, so an order can be reproduced for an audit; the seed is kept in the manifest only.
namespace IShowTts.Ops.Quality;

public static class BlindOrder
{
    public static IReadOnlyList<QualityTrial> Create(IReadOnlyList<string> itemIds, int lowerNfe, int higherNfe, int seed)
    {
        var random = new Random(seed);
        var order = itemIds.ToArray();
        random.Shuffle(order);
        return order.Select((id, i) => random.Next(2) == 0
            ? new QualityTrial(i + 1, id, lowerNfe, higherNfe)
            : new QualityTrial(i + 1, id, higherNfe, lowerNfe)).ToList();
    }
}
