// Hand-made quality manifests and ratings for the maths tests: no synthesis, every number chosen so the
// expected counts can be worked out on paper.
using IShowTts.Ops.Quality;

namespace IShowTts.Ops.Tests.Quality;

internal static class Sessions
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 6, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// A session comparing NFE 6 and 7 with one item per category given; trial k plays item k, and the
    /// lower NFE as A in the odd trials, so "a" means NFE 6 in trials 1, 3, 5… and NFE 7 in 2, 4, 6….
    /// </summary>
    public static QualityManifest Manifest(params string[] categories)
    {
        if (categories.Length == 0) categories = ["short", "medium", "long", "emotion", "tech", "stream"];
        var items = categories.Select((c, k) => new QualityItem($"{c}-en-{k + 1:D2}", c, "en", $"Sentence {k + 1}.", (ulong)k,
            [Sample(6, c, k, mel: 0.5, seconds: 1.0), Sample(7, c, k, mel: 0.25, seconds: 2.0), Sample(32, c, k, mel: 0, seconds: 3.0)])).ToList();
        var trials = items.Select((item, k) => k % 2 == 0 ? new QualityTrial(k + 1, item.Id, 6, 7) : new QualityTrial(k + 1, item.Id, 7, 6)).ToList();
        return new QualityManifest(QualityManifest.CurrentSchema, "test-session", T0, "streamer", "f5", [6, 7], 32, 0, 1234,
            categories.Distinct().ToList(), items, trials);
    }

    private static QualitySample Sample(int nfe, string category, int k, double mel, double seconds) =>
        new(nfe, $"samples/{category}-en-{k + 1:D2}/nfe-{nfe}.wav", seconds, 0.001 * nfe, 0.1, mel);

    /// <summary>A rating that prefers <paramref name="nfe"/> (6 or 7) in <paramref name="trial"/>, or "same" when null.</summary>
    public static QualityRating Prefer(QualityManifest m, int trial, int? nfe, string listener, int minute = 0, int? scoreLower = null, int? scoreHigher = null)
    {
        var t = m.Trial(trial)!;
        var choice = nfe is null ? "same" : t.NfeA == nfe ? "a" : "b";
        int? scoreA = t.NfeA == 6 ? scoreLower : scoreHigher;
        int? scoreB = t.NfeB == 6 ? scoreLower : scoreHigher;
        return new QualityRating(trial, choice, scoreA, scoreB, listener, null, T0.AddMinutes(minute));
    }

    /// <summary>
    /// <paramref name="lower"/> + <paramref name="higher"/> + <paramref name="same"/> ratings spread over
    /// distinct (listener, trial) pairs: listener "l0" rates trials 1–6, "l1" the next six, and so on.
    /// </summary>
    public static List<QualityRating> Ratings(QualityManifest m, int lower, int higher, int same)
    {
        var wanted = Enumerable.Repeat<int?>(6, lower).Concat(Enumerable.Repeat<int?>(7, higher)).Concat(Enumerable.Repeat<int?>(null, same)).ToList();
        return wanted.Select((nfe, i) => Prefer(m, i % m.Trials.Count + 1, nfe, $"l{i / m.Trials.Count}")).ToList();
    }
}
