// The report's maths: 95 % Wilson intervals against values worked out by hand, the verdict thresholds,
// ties kept apart, one rating per listener and trial (the latest), mean scores mapped back from sides to
// NFE, counts per category, and the objective means.
using IShowTts.Ops.Quality;
using IShowTts.Ops.Statistics;

namespace IShowTts.Ops.Tests.Quality;

public sealed class QualityReportTests
{
    // Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²), z = 1.95996.
    // 9 of 24: p = 0.375, z²/n = 0.160059, centre = (0.375 + 0.080030) / 1.160059 = 0.392249,
    // half = 1.689538 · √(0.009766 + 0.001667) = 0.180656 → [0.2116, 0.5729] (docs/operations.md's example).
    [Theory]
    [InlineData(9, 24, 0.375, 0.2116, 0.5729)]
    [InlineData(7, 24, 0.2917, 0.1491, 0.4917)]
    [InlineData(8, 24, 0.3333, 0.1797, 0.5329)]
    [InlineData(9, 16, 0.5625, 0.3318, 0.7690)]
    [InlineData(5, 10, 0.5, 0.2366, 0.7634)]
    [InlineData(0, 10, 0.0, 0.0, 0.2775)]      // the "rule of three"-like bound: never below 0
    [InlineData(10, 10, 1.0, 0.7225, 1.0)]     // never above 1
    [InlineData(15, 20, 0.75, 0.5313, 0.8881)]
    [InlineData(3, 20, 0.15, 0.0524, 0.3604)]
    public void WilsonIntervalsMatchHandComputedValues(int count, int total, double share, double low, double high)
    {
        var p = ProportionInterval.Wilson(count, total);
        Assert.Equal((count, total), (p.Count, p.Total));
        Assert.Equal(share, p.Share, 4);
        Assert.Equal(low, p.Low, 4);
        Assert.Equal(high, p.High, 4);
    }

    [Fact]
    public void NoJudgementsIsTheWholeRange()
    {
        var p = ProportionInterval.Wilson(0, 0);
        Assert.Equal((0.0, 1.0), (p.Low, p.High));
    }

    [Fact]
    public void DocumentedExampleCountsGiveTheDocumentedShares()
    {
        var m = Sessions.Manifest();
        var r = QualityReportBuilder.Build(m, Sessions.Ratings(m, lower: 7, higher: 9, same: 8));
        Assert.Equal(24, r.Ratings);
        Assert.Equal(4, r.Listeners);
        Assert.Equal((7, 24), (r.PreferLower.Count, r.PreferLower.Total));
        Assert.Equal((9, 24), (r.PreferHigher.Count, r.PreferHigher.Total));
        Assert.Equal((8, 24), (r.Same.Count, r.Same.Total));
        Assert.Equal((9, 16), (r.HigherAmongDecided.Count, r.HigherAmongDecided.Total));
        Assert.Equal(0.2116, r.PreferHigher.Low, 4);
        Assert.Equal(0.5729, r.PreferHigher.High, 4);
        Assert.Equal(0.3318, r.HigherAmongDecided.Low, 4);
        Assert.Equal(QualityVerdicts.Inconclusive, r.Verdict);
        Assert.StartsWith("Inconclusive", r.Recommendation);
    }

    // (lower, higher, same) → verdict; comments give the interval that decides.
    [Theory]
    [InlineData(5, 15, 0, QualityVerdicts.KeepHigher)]     // higher among decided 15/20: low 0.531 > 0.5
    [InlineData(6, 14, 0, QualityVerdicts.Inconclusive)]   // 14/20: low 0.481; among all high 0.855
    [InlineData(17, 3, 0, QualityVerdicts.UseLower)]       // higher among all 3/20: high 0.360 < 0.5
    [InlineData(14, 6, 0, QualityVerdicts.Inconclusive)]   // 6/20: high 0.519
    [InlineData(2, 4, 14, QualityVerdicts.UseLower)]       // ties are no reason to pay for steps: 4/20 high 0.416
    [InlineData(0, 0, 20, QualityVerdicts.UseLower)]       // nobody hears a difference: 0/20 high 0.161
    [InlineData(0, 12, 8, QualityVerdicts.KeepHigher)]     // 12/12 decided: low 0.758
    [InlineData(5, 14, 0, QualityVerdicts.NotEnoughRatings)] // 19 < 20
    [InlineData(0, 0, 0, QualityVerdicts.NotEnoughRatings)]
    public void VerdictFollowsTheThresholds(int lower, int higher, int same, string verdict)
    {
        var m = Sessions.Manifest();
        var r = QualityReportBuilder.Build(m, Sessions.Ratings(m, lower, higher, same));
        Assert.Equal((lower, higher, same), (r.PreferLower.Count, r.PreferHigher.Count, r.Same.Count));
        Assert.True(r.Verdict == verdict, $"expected {verdict}, got {r.Verdict}: {r.Recommendation}");
        switch (verdict)
        {
            case QualityVerdicts.KeepHigher: Assert.StartsWith("Keep NFE 7", r.Recommendation); break;
            case QualityVerdicts.UseLower: Assert.Contains("default_nfe_step = 6", r.Recommendation); break;
            case QualityVerdicts.NotEnoughRatings: Assert.Contains("at least 20", r.Recommendation); break;
        }
    }

    [Fact]
    public void TiesAreKeptApartFromBothSides()
    {
        var m = Sessions.Manifest();
        var r = QualityReportBuilder.Build(m, Sessions.Ratings(m, lower: 3, higher: 3, same: 6));
        Assert.Equal(12, r.Ratings);
        Assert.Equal(6, r.Same.Count);
        Assert.Equal(0.5, r.Same.Share, 12);
        Assert.Equal(0.25, r.PreferHigher.Share, 12);
        Assert.Equal((3, 6), (r.HigherAmongDecided.Count, r.HigherAmongDecided.Total));
    }

    [Fact]
    public void OneRatingPerListenerAndTrialCountsTheLatest()
    {
        var m = Sessions.Manifest();
        var ratings = new List<QualityRating>
        {
            Sessions.Prefer(m, 1, 6, "ana", minute: 5),   // ana changes her mind about trial 1: the later one counts
            Sessions.Prefer(m, 1, 7, "ana", minute: 1),
            Sessions.Prefer(m, 1, 7, "bo", minute: 2),    // another listener on the same trial counts separately
            Sessions.Prefer(m, 2, null, "ana", minute: 3),
            Sessions.Prefer(m, 2, null, "ana", minute: 4),
            new(99, "a", null, null, "ana", null, Sessions.T0), // no such trial: ignored
        };
        var r = QualityReportBuilder.Build(m, ratings);
        Assert.Equal(3, r.Ratings);
        Assert.Equal(2, r.Listeners);
        Assert.Equal((1, 1, 1), (r.PreferLower.Count, r.PreferHigher.Count, r.Same.Count));
    }

    [Fact]
    public void ChoicesAreMappedThroughEachTrialsSides()
    {
        var m = Sessions.Manifest();
        // "a" in trial 1 is NFE 6 (lower first); "a" in trial 2 is NFE 7.
        var r = QualityReportBuilder.Build(m, [new(1, "a", null, null, "ana", null, Sessions.T0), new(2, "a", null, null, "ana", null, Sessions.T0)]);
        Assert.Equal((1, 1), (r.PreferLower.Count, r.PreferHigher.Count));
        Assert.Equal(6, QualityReportBuilder.PreferredNfe(new(1, "a", null, null, "x", null, Sessions.T0), m.Trial(1)!));
        Assert.Equal(6, QualityReportBuilder.PreferredNfe(new(2, "b", null, null, "x", null, Sessions.T0), m.Trial(2)!));
        Assert.Null(QualityReportBuilder.PreferredNfe(new(2, "same", null, null, "x", null, Sessions.T0), m.Trial(2)!));
    }

    [Fact]
    public void MeanScoresBelongToTheNfeNotTheSide()
    {
        var m = Sessions.Manifest();
        var r = QualityReportBuilder.Build(m,
        [
            Sessions.Prefer(m, 1, 7, "ana", scoreLower: 2, scoreHigher: 5),
            Sessions.Prefer(m, 2, 7, "ana", scoreLower: 3, scoreHigher: 4),
            Sessions.Prefer(m, 3, null, "ana"),                       // no scores: not in the means
        ]);
        Assert.Equal(2.5, r.MeanScoreLower);
        Assert.Equal(4.5, r.MeanScoreHigher);
        Assert.Null(QualityReportBuilder.Build(m, [Sessions.Prefer(m, 1, 7, "ana")]).MeanScoreLower);
    }

    [Fact]
    public void CountsPerCategoryFollowTheCorpusOrder()
    {
        var m = Sessions.Manifest("tech", "short", "tech", "stream");
        var r = QualityReportBuilder.Build(m,
        [
            Sessions.Prefer(m, 1, 6, "ana"), Sessions.Prefer(m, 1, 7, "bo"), Sessions.Prefer(m, 3, null, "ana"),
            Sessions.Prefer(m, 2, 7, "ana"), Sessions.Prefer(m, 4, 7, "ana"),
        ]);
        Assert.Equal(["short", "tech", "stream"], r.ByCategory.Select(c => c.Category));
        var tech = r.ByCategory.Single(c => c.Category == "tech");
        Assert.Equal(new CategoryPreference("tech", 3, 1, 1, 1), tech);
        Assert.Equal(new CategoryPreference("short", 1, 0, 1, 0), r.ByCategory[0]);
        Assert.Equal(r.Ratings, r.ByCategory.Sum(c => c.Ratings));
    }

    [Fact]
    public void ObjectiveMeansArePerNfe()
    {
        var m = Sessions.Manifest("short", "tech");
        var r = QualityReportBuilder.Build(m, []);
        Assert.Equal([6, 7, 32], r.Objective.Select(o => o.Nfe));
        var six = r.Objective[0];
        Assert.Equal((0.5, 1.0, 0.006, 0.1), (six.MeanMelDistance, six.MeanDurationSeconds, Math.Round(six.MeanClippingRatio, 6), six.MeanSilenceRatio));
        Assert.Equal(0.0, r.Objective[2].MeanMelDistance);
    }
}
