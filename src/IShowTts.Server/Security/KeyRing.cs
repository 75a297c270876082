// Every key the server accepts: the configuration's (hashed on load, never kept in clear) and the key
// store's. Resolves a presented secret to the key's name and scopes.
using System.Security.Cryptography;
using System.Text;

namespace IShowTts.Server.Security;

internal sealed class KeyRing
{
    private readonly (byte[] Hash, ApiCaller Caller)[] _configured;

    public KeyRing(IReadOnlyList<ConfiguredApiKey> configured, ApiKeyStore store)
    {
        Store = store;
        _configured = configured
            .Select(k => (Encoding.ASCII.GetBytes(ApiKeyStore.Hash(k.Secret)), new ApiCaller(k.Name, ApiScopes.Validate(k.Scopes))))
            .ToArray();
    }

    public ApiKeyStore Store { get; }

    public int Count => _configured.Length + Store.Count;

    public ApiCaller? Resolve(string secret)
    {
        var hash = Encoding.ASCII.GetBytes(ApiKeyStore.Hash(secret));
        ApiCaller? match = null;
        foreach (var (h, caller) in _configured)
            if (CryptographicOperations.FixedTimeEquals(h, hash)) match = caller;
        if (match is not null) return match;
        var stored = Store.Verify(secret);
        return stored is null ? null : new ApiCaller(stored.Name, stored.Scopes);
    }
}
