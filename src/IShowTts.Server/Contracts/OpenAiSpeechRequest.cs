// The body of POST /v1/audio/speech as OpenAI defines it. `instructions` is accepted and ignored (F5
// clones the reference's style); `stream_format` "sse" streams base64 deltas instead of raw audio.
namespace IShowTts.Server.Contracts;

public sealed record OpenAiSpeechRequest(
    string? Model, string? Input, string? Voice, string? ResponseFormat = null, double? Speed = null, string? Instructions = null, string? StreamFormat = null);
