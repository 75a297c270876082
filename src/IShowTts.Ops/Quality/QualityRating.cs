// One listener's judgement of one trial: which side sounded better ("a", "b" or "same"), optional 1–5
// scores, who, when. Validate returns what is wrong in words a listener can act on.
namespace IShowTts.Ops.Quality;

public sealed record QualityRating(int Trial, string Choice, int? ScoreA, int? ScoreB, string Listener, string? Comment, DateTimeOffset RatedAt)
{
    public static IReadOnlyList<string> Choices { get; } = ["a", "b", "same"];

    /// <summary>Null when the rating is valid for <paramref name="manifest"/>; else the reason.</summary>
    public string? Problem(QualityManifest manifest)
    {
        if (manifest.Trial(Trial) is null) return $"trial {Trial} does not exist (this session has trials 1–{manifest.Trials.Count})";
        if (!Choices.Contains(Choice)) return $"choice must be a, b or same (got '{Choice}')";
        if (ScoreA is < 1 or > 5 || ScoreB is < 1 or > 5) return "scores are whole numbers from 1 to 5";
        if (string.IsNullOrWhiteSpace(Listener) || Listener.Length > 64) return "listener is required: a name of 1–64 characters";
        if (Comment is { Length: > 500 }) return "comment is at most 500 characters";
        return null;
    }
}
