// [api]: concurrency, queue, time and size limits, CORS origins and [[api.keys]].
namespace IShowTts.Configuration.Internal.Binding;

internal static class ApiBinder
{
    public static ApiSection Bind(TableReader r)
    {
        var settings = new ApiSection
        {
            MaxParallel = r.Int("max_parallel", 3, 1, 256),
            QueueCapacity = r.Int("queue_capacity", 64, 0, 1_000_000),
            RequestTimeoutSecs = r.Int("request_timeout_secs", 120, 1, 86_400),
            MaxTextChars = r.Int("max_text_chars", 5000, 1, 10_000_000),
            MaxUploadBytes = r.Integer("max_upload_bytes", 20 << 20, 1024, 4L << 30),
            MaxAudioSeconds = r.Float("max_audio_seconds", 30, 1, 3600),
            CorsOrigins = CorsOrigins(r),
            AllowInsecureLan = r.Boolean("allow_insecure_lan", false),
            Keys = Keys(r),
        };
        r.Finish();
        return settings;
    }

    private static IReadOnlyList<string> CorsOrigins(TableReader r)
    {
        var origins = r.StringList("cors_origins");
        foreach (var o in origins)
            if (o != "*" && !(Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !o.EndsWith('/')))
                r.Error("cors_origins", $"\"{o}\" is not an origin: use \"*\" or scheme://host[:port] such as https://example.com");
        return origins;
    }

    private static IReadOnlyList<ApiKeySection> Keys(TableReader r)
    {
        var keys = new List<ApiKeySection>();
        var seen = new Dictionary<string, ConfigOrigin>(StringComparer.Ordinal);
        foreach (var k in r.Tables("keys"))
        {
            var key = k.RequiredString("key");
            var name = k.String("name", $"key {keys.Count + 1}");
            var scopes = k.Has("scopes") ? k.StringList("scopes") : ["*"];
            if (key.Length > 0 && key.Any(char.IsWhiteSpace)) k.Error("key", "must not contain white space");
            if (scopes.Count == 0) k.Error("scopes", "must name at least one scope (\"*\" for all)");
            foreach (var s in scopes)
                if (s.Length == 0 || s.Any(char.IsWhiteSpace)) k.Error("scopes", $"\"{s}\" is not a scope name");
            if (key.Length > 0 && !seen.TryAdd(key, k.OriginOf("key")))
                k.Error("key", $"the same key is already configured at {seen[key]}");
            k.Finish();
            keys.Add(new ApiKeySection(name, key, scopes));
        }
        return keys;
    }
}
