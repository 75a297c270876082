// GET /ready: whether the server can speak, each engine's state (with the reason and what to do when
// it is not ready), and the voices that could not be loaded.
namespace IShowTts.Server.Contracts;

/// <param name="Status">"ready" (every engine), "degraded" (some engine can speak), "not_ready" (none can).</param>
public sealed record ReadinessResponse(string Status, IReadOnlyList<EngineState> Engines, int Voices, string? DefaultVoice, IReadOnlyList<VoiceProblemInfo> VoiceProblems);
