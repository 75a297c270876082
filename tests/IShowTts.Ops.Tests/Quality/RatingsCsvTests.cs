// The file way of rating: the filled-in ratings-template.csv. Comments, the header and unrated rows are
// skipped; every bad row is reported with its line number, all of them together.
using IShowTts.Ops.Quality;

namespace IShowTts.Ops.Tests.Quality;

public sealed class RatingsCsvTests
{
    private static string Csv(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ishowtts-ratings-").FullName, "ratings.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void GoodRowsAreImported()
    {
        var m = Sessions.Manifest();
        var path = Csv("""
            # Listen to blind/trial-NNN-a.wav …
            trial,choice,score_a,score_b,listener,comment
            1,a,4,3,ana,b has a click, at the end
            2,SAME,,,,
            3,,,,,
            4, b ,5,,bo,
            """);
        var ratings = RatingsCsv.Parse(path, m, defaultListener: "cli", Sessions.T0);
        Assert.Equal(3, ratings.Count);
        Assert.Equal(new QualityRating(1, "a", 4, 3, "ana", "b has a click, at the end", Sessions.T0), ratings[0]);
        Assert.Equal(new QualityRating(2, "same", null, null, "cli", null, Sessions.T0), ratings[1]);
        Assert.Equal(new QualityRating(4, "b", 5, null, "bo", null, Sessions.T0), ratings[2]);
    }

    [Fact]
    public void TheGeneratedTemplateParsesAsNothingRated()
    {
        var m = Sessions.Manifest();
        Assert.Empty(RatingsCsv.Parse(Csv(QualitySessionGenerator.RatingsTemplate(m)), m, "cli", Sessions.T0));
    }

    [Fact]
    public void EveryBadRowIsReportedWithItsLine()
    {
        var m = Sessions.Manifest();
        var path = Csv("""
            trial,choice,score_a,score_b,listener,comment
            1,a,4,3,ana,
            x,a,,,ana,
            2,maybe,,,ana,
            3,a,9,,ana,
            4,a,four,,ana,
            99,a,,,ana,
            5,b,,,,
            """);
        var e = Assert.Throws<OpsException>(() => RatingsCsv.Parse(path, m, defaultListener: null, Sessions.T0));
        Assert.Contains($"{path}:3: 'x' is not a trial number", e.Message);
        Assert.Contains($"{path}:4: choice must be a, b or same (got 'maybe')", e.Message);
        Assert.Contains($"{path}:5: scores are whole numbers from 1 to 5", e.Message);
        Assert.Contains($"{path}:6: score_a 'four' is not a whole number", e.Message);
        Assert.Contains($"{path}:7: trial 99 does not exist (this session has trials 1–6)", e.Message);
        Assert.Contains($"{path}:8: listener is required", e.Message);
        Assert.DoesNotContain($"{path}:2:", e.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var e = Assert.Throws<OpsException>(() => RatingsCsv.Parse("/nonexistent/ratings.csv", Sessions.Manifest(), null, Sessions.T0));
        Assert.Contains("/nonexistent/ratings.csv", e.Message);
    }
}
