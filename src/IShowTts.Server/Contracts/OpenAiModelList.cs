// GET /v1/models in OpenAI's list shape: {"object":"list","data":[…]}.
namespace IShowTts.Server.Contracts;

public sealed record OpenAiModelList(string Object, IReadOnlyList<OpenAiModel> Data);
