// One engine in GET /ready: whether it can speak and, when not, the reason and what to do.
namespace IShowTts.Server.Contracts;

public sealed record EngineState(string Id, string Label, bool Ready, string? Reason, string? Hint);
