// Who is calling, once a key is recognised: the key's name (the only thing logs show) and its scopes.
namespace IShowTts.Server.Security;

internal sealed record ApiCaller(string Name, IReadOnlyList<string> Scopes);
