// manifest.json of a quality session (docs/operations.md, "Quality API"): the operator's file. It
// names which file is which NFE and holds the blind order, so the server never serves it; the API
// shows only the trials, their texts and audio by trial and side.
namespace IShowTts.Ops.Quality;

/// <param name="Nfe">the two NFE values compared, lower first.</param>
/// <param name="ReferenceNfe">the high-NFE rendering (32) the objective mel distance is measured against.</param>
/// <param name="Seed">the synthesis seed of the first item (each item's own is in <see cref="QualityItem.Seed"/>).</param>
/// <param name="OrderSeed">the seed of the blind order (<see cref="BlindOrder"/>), to reproduce it for an audit.</param>
public sealed record QualityManifest(
    string Schema, string Id, DateTimeOffset CreatedAt, string VoiceId, string Engine, IReadOnlyList<int> Nfe, int ReferenceNfe,
    ulong Seed, int OrderSeed, IReadOnlyList<string> Categories, IReadOnlyList<QualityItem> Items, IReadOnlyList<QualityTrial> Trials)
{
    public const string CurrentSchema = "ishowtts-quality/1";

    public int LowerNfe => Nfe[0];

    public int HigherNfe => Nfe[1];

    public QualityTrial? Trial(int number) => Trials.FirstOrDefault(t => t.Trial == number);

    public QualityItem Item(string id) => Items.First(i => i.Id == id);
}

/// <summary>One sentence rendered at each NFE with the same seed.</summary>
public sealed record QualityItem(string Id, string Category, string Language, string Text, ulong Seed, IReadOnlyList<QualitySample> Samples)
{
    public QualitySample Sample(int nfe) => Samples.First(s => s.Nfe == nfe);
}

/// <param name="File">relative to the session folder.</param>
/// <param name="MelDistance">mean absolute log-mel difference to the reference-NFE rendering (0 for the reference itself).</param>
/// <param name="ClippingRatio">share of samples at or beyond ±0.999.</param>
/// <param name="SilenceRatio">share of 20 ms frames below −40 dBFS RMS.</param>
public sealed record QualitySample(int Nfe, string File, double DurationSeconds, double ClippingRatio, double SilenceRatio, double MelDistance);

/// <summary>One blind trial: which item, and which NFE plays as A and as B.</summary>
public sealed record QualityTrial(int Trial, string ItemId, int NfeA, int NfeB)
{
    public int NfeOf(string side) => side switch
    {
        "a" => NfeA,
        "b" => NfeB,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "a side is 'a' or 'b'"),
    };
}
