namespace IShowTts.Ops.Quality;

/// <param name="Nfe">the two NFE values to compare (any order; stored lower first).</param>
/// <param name="Seed">the synthesis seed of the first item (item k uses Seed + k), the same for every NFE of an item.</param>
/// <param name="OrderSeed">seeds the blind order; null draws one.</param>
/// <param name="SessionId">the folder name; null makes "yyyyMMdd-HHmmss-&lt;voice&gt;-nfeA-vs-B".</param>
public sealed record QualityPlan(string VoiceId, IReadOnlyList<int> Nfe, IReadOnlyList<QualitySentence> Sentences, ulong Seed = 0,
    int? OrderSeed = null, string? SessionId = null, int ReferenceNfe = QualityPlan.DefaultReferenceNfe)
{
    public const int DefaultReferenceNfe = 32;
}
