// One voice in GET /v1/audio/voices.
namespace IShowTts.Server.Contracts;

public sealed record OpenAiVoice(string Id, string Name, string Engine, string? Language);
