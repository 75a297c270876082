// POST /api/voices (add a voice by upload): the voice as listed, plus what the server did with the
// reference (its length, and whether it was clipped at your request).
namespace IShowTts.Server.Contracts;

public sealed record AddedVoiceResponse(VoiceInfo Voice, double? ReferenceSeconds, bool ReferenceClipped);
