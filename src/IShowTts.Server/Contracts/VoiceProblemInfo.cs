// A configured voice that could not be loaded, with the reason, as GET /ready lists it.
namespace IShowTts.Server.Contracts;

public sealed record VoiceProblemInfo(string VoiceId, string Reason);
