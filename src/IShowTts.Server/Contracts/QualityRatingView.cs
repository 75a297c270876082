// A stored rating, as POST answers it (201) and GET …/ratings lists it: the request plus when.
namespace IShowTts.Server.Contracts;

public sealed record QualityRatingView(int Trial, string Choice, int? ScoreA, int? ScoreB, string Listener, string? Comment, DateTimeOffset RatedAt);
