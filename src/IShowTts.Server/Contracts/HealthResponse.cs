// GET /api/health, as the original answered it; GET /health answers the same shape.
namespace IShowTts.Server.Contracts;

public sealed record HealthResponse(string Status, int Voices, string? DefaultVoice);
