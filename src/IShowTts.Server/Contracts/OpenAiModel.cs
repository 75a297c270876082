// One model as OpenAI describes it: id, "model", a creation time and the owner.
namespace IShowTts.Server.Contracts;

public sealed record OpenAiModel(string Id, string Object, long Created, string OwnedBy);
