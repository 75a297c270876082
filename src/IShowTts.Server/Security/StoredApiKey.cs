// One API key as the key store keeps it: never the secret, only its SHA-256 and a short prefix that lets
// a person recognise it in `ishowtts keys list`.
namespace IShowTts.Server.Security;

/// <param name="Id">short random id, what `ishowtts keys revoke` takes (the name works too).</param>
/// <param name="Prefix">the secret's first characters ("ist_3kQ9…").</param>
/// <param name="Hash">lower-case hex SHA-256 of the whole secret.</param>
public sealed record StoredApiKey(string Id, string Name, IReadOnlyList<string> Scopes, string Prefix, string Hash, DateTimeOffset CreatedAt);
