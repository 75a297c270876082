// The API keys `ishowtts keys create/list/revoke` manage, in {data}/keys.json: names, scopes and SHA-256
// hashes, never a secret. Writes are atomic (temp file, rename) and the server re-reads the file when it
// changes, so a key created while the server runs works at once.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IShowTts.Ops.Files;

namespace IShowTts.Server.Security;

public sealed class ApiKeyStore
{
    private const string SecretPrefix = "ist_";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private readonly Lock _gate = new();
    private List<StoredApiKey> _keys = [];
    private DateTime _loadedWriteTime = DateTime.MinValue;
    private long _lastCheck;

    public ApiKeyStore(string dataDirectory)
    {
        FilePath = Path.Combine(Path.GetFullPath(dataDirectory), "keys.json");
        Reload();
    }

    public string FilePath { get; }

    public IReadOnlyList<StoredApiKey> List()
    {
        lock (_gate)
        {
            ReloadIfChanged(force: true);
            return [.. _keys];
        }
    }

    /// <summary>Creates a key; the returned secret is shown once and stored nowhere.</summary>
    public CreatedApiKey Create(string name, IEnumerable<string> scopes)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsControl))
            throw new ApiKeyException($"'{name}' is not a usable key name (1–64 printable characters)");
        var granted = ApiScopes.Validate(scopes);
        lock (_gate)
        {
            ReloadIfChanged(force: true);
            if (_keys.Any(k => k.Name == name)) throw new ApiKeyException($"a key named '{name}' already exists ({FilePath})");
            var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
            var key = new StoredApiKey(Base64Url(RandomNumberGenerator.GetBytes(6)), name, granted, secret[..8], Hash(secret), DateTimeOffset.UtcNow);
            Save([.. _keys, key]);
            return new CreatedApiKey(key, secret);
        }
    }

    /// <summary>Removes the key with this id or name; false when there is none.</summary>
    public bool Revoke(string idOrName)
    {
        lock (_gate)
        {
            ReloadIfChanged(force: true);
            var remaining = _keys.Where(k => k.Id != idOrName && k.Name != idOrName).ToList();
            if (remaining.Count == _keys.Count) return false;
            Save(remaining);
            return true;
        }
    }

    /// <summary>The stored key whose secret this is, or null (compared in constant time).</summary>
    public StoredApiKey? Verify(string secret)
    {
        var hash = Encoding.ASCII.GetBytes(Hash(secret));
        List<StoredApiKey> keys;
        lock (_gate)
        {
            ReloadIfChanged(force: false);
            keys = _keys;
        }
        StoredApiKey? match = null;
        foreach (var k in keys)
            if (CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(k.Hash))) match = k;
        return match;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                ReloadIfChanged(force: false);
                return _keys.Count;
            }
        }
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private void Reload()
    {
        lock (_gate) ReloadIfChanged(force: true);
    }

    // The file is checked at most once a second on the request path.
    private void ReloadIfChanged(bool force)
    {
        long now = Environment.TickCount64;
        if (!force && now - _lastCheck < 1000) return;
        _lastCheck = now;
        var info = new FileInfo(FilePath);
        if (!info.Exists)
        {
            _keys = [];
            _loadedWriteTime = DateTime.MinValue;
            return;
        }
        if (info.LastWriteTimeUtc == _loadedWriteTime && !force) return;
        try
        {
            var file = JsonSerializer.Deserialize<KeysFile>(File.ReadAllBytes(FilePath), Json);
            _keys = file?.Keys ?? [];
            _loadedWriteTime = info.LastWriteTimeUtc;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ApiKeyException($"{FilePath}: cannot read the API keys ({e.Message}); fix or delete the file", e);
        }
    }

    private void Save(List<StoredApiKey> keys)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new KeysFile(1, keys), Json);
        AtomicFile.WriteAllBytes(FilePath, bytes, ownerOnly: true);
        _keys = keys;
        _loadedWriteTime = File.GetLastWriteTimeUtc(FilePath);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record KeysFile(int Version, List<StoredApiKey> Keys);
}
