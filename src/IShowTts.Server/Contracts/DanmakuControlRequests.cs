// Small bodies of the chat control routes: who did it (shown in the history), and a player's
// acknowledgement from an SSE player (which cannot send on its stream).
namespace IShowTts.Server.Contracts;

public sealed record DanmakuByRequest(string? By = null);

public sealed record DanmakuAckRequest(string? PlayerId, long? Id);
