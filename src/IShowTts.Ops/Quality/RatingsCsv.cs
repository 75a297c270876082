// The file way of rating: the session's ratings-template.csv filled in by hand. Lines starting with #
// and rows without a choice are skipped; every problem is reported with its line number, together.
using System.Globalization;

namespace IShowTts.Ops.Quality;

public static class RatingsCsv
{
    public const string Header = "trial,choice,score_a,score_b,listener,comment";

    public static IReadOnlyList<QualityRating> Parse(string path, QualityManifest manifest, string? defaultListener, DateTimeOffset now)
    {
        if (!File.Exists(path)) throw new OpsException($"{path} does not exist");
        var ratings = new List<QualityRating>();
        var problems = new List<string>();
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.Equals(Header, StringComparison.OrdinalIgnoreCase)) continue;
            var f = line.Split(',', 6);
            string Field(int i) => i < f.Length ? f[i].Trim() : "";
            if (Field(1).Length == 0) continue; // not rated yet
            if (!int.TryParse(Field(0), NumberStyles.Integer, CultureInfo.InvariantCulture, out var trial))
            {
                problems.Add($"{path}:{number}: '{Field(0)}' is not a trial number");
                continue;
            }
            int? Score(int i, string name)
            {
                if (Field(i).Length == 0) return null;
                if (int.TryParse(Field(i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) return s;
                problems.Add($"{path}:{number}: {name} '{Field(i)}' is not a whole number");
                return null;
            }
            var listener = Field(4).Length > 0 ? Field(4) : defaultListener ?? "";
            var rating = new QualityRating(trial, Field(1).ToLowerInvariant(), Score(2, "score_a"), Score(3, "score_b"), listener,
                Field(5).Length > 0 ? Field(5) : null, now);
            if (rating.Problem(manifest) is { } problem) problems.Add($"{path}:{number}: {problem}");
            else ratings.Add(rating);
        }
        if (problems.Count > 0) throw new OpsException("the ratings file has problems:\n  " + string.Join("\n  ", problems));
        return ratings;
    }
}
