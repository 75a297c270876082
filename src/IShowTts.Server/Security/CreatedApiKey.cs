// A key just created by the key store: the only moment its secret exists outside the client.
namespace IShowTts.Server.Security;

/// <summary>A key just created: the only time its secret is known.</summary>
public sealed record CreatedApiKey(StoredApiKey Key, string Secret);
