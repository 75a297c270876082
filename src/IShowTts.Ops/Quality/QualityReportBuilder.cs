// Turns the blind ratings back into NFE preferences and decides. Rules (one rating per listener and
// trial; ties kept apart):
//   fewer than MinimumRatings ratings                                  → not_enough_ratings
//   the 95 % interval of "prefers the higher NFE" among decided ratings
//   lies above 50 %                                                     → keep_higher (the difference is heard)
//   the 95 % upper bound of "prefers the higher NFE" among ALL ratings
//   is below 50 % (ties count as no reason to pay for more steps)      → use_lower
//   otherwise                                                            → inconclusive (collect more ratings)
namespace IShowTts.Ops.Quality;

using IShowTts.Ops.Statistics;

public static class QualityReportBuilder
{
    public const int MinimumRatings = 20;

    public static QualityReport Build(QualityManifest manifest, IReadOnlyList<QualityRating> ratings, int minimumRatings = MinimumRatings)
    {
        int lower = manifest.LowerNfe, higher = manifest.HigherNfe;
        // The latest rating per listener and trial counts.
        var counted = ratings.Where(r => manifest.Trial(r.Trial) is not null)
            .GroupBy(r => (r.Listener, r.Trial)).Select(g => g.OrderBy(r => r.RatedAt).Last()).ToList();
        var judged = counted.Select(r => (Rating: r, Trial: manifest.Trial(r.Trial)!, Preferred: PreferredNfe(r, manifest.Trial(r.Trial)!))).ToList();
        int n = judged.Count;
        int preferLower = judged.Count(j => j.Preferred == lower);
        int preferHigher = judged.Count(j => j.Preferred == higher);
        int same = n - preferLower - preferHigher;
        var higherShare = ProportionInterval.Wilson(preferHigher, n);
        var higherDecided = ProportionInterval.Wilson(preferHigher, preferLower + preferHigher);

        var scoresLower = judged.Select(j => j.Trial.NfeA == lower ? j.Rating.ScoreA : j.Rating.ScoreB).OfType<int>().ToList();
        var scoresHigher = judged.Select(j => j.Trial.NfeA == higher ? j.Rating.ScoreA : j.Rating.ScoreB).OfType<int>().ToList();

        var byCategory = judged.GroupBy(j => manifest.Item(j.Trial.ItemId).Category)
            .Select(g => new CategoryPreference(g.Key, g.Count(), g.Count(j => j.Preferred == lower), g.Count(j => j.Preferred == higher),
                g.Count(j => j.Preferred is null)))
            .OrderBy(c => QualityCorpus.Categories.ToList().IndexOf(c.Category)).ToList();
        var objective = manifest.Items.SelectMany(i => i.Samples).GroupBy(s => s.Nfe).OrderBy(g => g.Key)
            .Select(g => new ObjectiveSummary(g.Key, g.Where(s => !double.IsNaN(s.MelDistance)).Select(s => s.MelDistance).DefaultIfEmpty(double.NaN).Average(),
                g.Average(s => s.DurationSeconds), g.Average(s => s.ClippingRatio), g.Average(s => s.SilenceRatio)))
            .ToList();

        var (verdict, recommendation) = Decide(lower, higher, n, higherShare, higherDecided, minimumRatings);
        return new QualityReport(manifest.Id, lower, higher, n, counted.Select(r => r.Listener).Distinct().Count(),
            ProportionInterval.Wilson(preferLower, n), higherShare, ProportionInterval.Wilson(same, n), higherDecided,
            scoresLower.Count > 0 ? scoresLower.Average() : null, scoresHigher.Count > 0 ? scoresHigher.Average() : null,
            byCategory, objective, verdict, recommendation);
    }

    public static (string Verdict, string Recommendation) Decide(int lower, int higher, int ratings, ProportionInterval higherShare,
        ProportionInterval higherAmongDecided, int minimumRatings = MinimumRatings)
    {
        if (ratings < minimumRatings)
            return (QualityVerdicts.NotEnoughRatings,
                $"Only {ratings} ratings: collect at least {minimumRatings} (two listeners through the whole session is enough) before deciding.");
        if (higherAmongDecided.Total > 0 && higherAmongDecided.Low > 0.5)
            return (QualityVerdicts.KeepHigher,
                $"Keep NFE {higher}: listeners who heard a difference preferred it ({higherAmongDecided.Share:P0}, 95 % interval " +
                $"{higherAmongDecided.Low:P0}–{higherAmongDecided.High:P0}).");
        if (higherShare.High < 0.5)
            return (QualityVerdicts.UseLower,
                $"Use NFE {lower}: at most {higherShare.High:P0} of judgements (95 % bound) prefer NFE {higher}; set [f5] default_nfe_step = {lower} " +
                $"and re-run `ishowtts bench` to record the speed-up.");
        return (QualityVerdicts.Inconclusive,
            $"Inconclusive: {higherShare.Share:P0} prefer NFE {higher} (95 % interval {higherShare.Low:P0}–{higherShare.High:P0}); " +
            $"collect more ratings, or keep NFE {higher} to be safe.");
    }

    /// <summary>The NFE the rating preferred, or null for "same".</summary>
    public static int? PreferredNfe(QualityRating rating, QualityTrial trial) => rating.Choice switch
    {
        "a" => trial.NfeA,
        "b" => trial.NfeB,
        _ => null,
    };
}
