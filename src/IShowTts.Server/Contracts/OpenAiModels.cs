// GET /v1/models and GET /v1/audio/voices in OpenAI's list shapes.
namespace IShowTts.Server.Contracts;

public sealed record OpenAiModelList(string Object, IReadOnlyList<OpenAiModel> Data);

public sealed record OpenAiModel(string Id, string Object, long Created, string OwnedBy);

public sealed record OpenAiVoiceList(IReadOnlyList<OpenAiVoice> Voices);

public sealed record OpenAiVoice(string Id, string Name, string Engine, string? Language);
