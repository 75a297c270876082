// Who may call what. With keys required: routes with a RequiredScope need a key (Authorization: Bearer,
// X-Api-Key, or ?key= where a browser cannot send headers) that grants the scope. Open on loopback: the
// Host header must name loopback (DNS rebinding) and a browser page from another origin may not change
// anything (cross-site requests). Keys are never logged; only the key's name is.
using IShowTts.Server.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IShowTts.Server.Security;

internal sealed class AccessGuard(RequestDelegate next, AccessPolicy policy, KeyRing keys, ServerOptions options)
{
    public const string CallerKey = "ishowtts.caller";

    public async Task InvokeAsync(HttpContext context)
    {
        var refusal = policy.KeysRequired ? CheckKey(context) : CheckOpenRequest(context);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private ProblemHttpResult? CheckKey(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        if (required is null || HttpMethods.IsOptions(context.Request.Method)) return null;
        var secret = PresentedKey(context.Request);
        if (secret is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem.Of(401, ProblemTypes.Unauthorized, "API key required",
                "this server requires an API key: send `Authorization: Bearer <key>` (or ?key=<key> from a browser); create one with `ishowtts keys create`");
        }
        var caller = keys.Resolve(secret);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problem.Of(401, ProblemTypes.Unauthorized, "Invalid API key", "the API key is not valid (mistyped, or revoked)");
        }
        context.Items[CallerKey] = caller.Name;
        if (!ApiScopes.Allows(caller.Scopes, required.Scope))
            return Problem.Of(403, ProblemTypes.Forbidden, "Scope missing",
                $"the key '{caller.Name}' has the scopes {string.Join(", ", caller.Scopes)}; this route needs '{required.Scope}'");
        return null;
    }

    private ProblemHttpResult? CheckOpenRequest(HttpContext context)
    {
        if (policy.LoopbackOnly && !ListenAddresses.IsLoopbackHostHeader(context.Request.Host.Value ?? ""))
            return Problem.Of(403, ProblemTypes.ForeignHost, "Foreign host name",
                "this server listens on loopback only and answers requests addressed to localhost, 127.0.0.1 or [::1]");
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)) return null;
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        var own = $"{context.Request.Scheme}://{context.Request.Host.Value}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)) return null;
        if (options.CorsOrigins.Contains("*") || options.CorsOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
            return null;
        return Problem.Of(403, ProblemTypes.CrossOriginRefused, "Cross-origin request refused",
            $"a page from {origin} may not call this server; list it in [api] cors_origins to allow it");
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && auth.Length > 7) return auth[7..].Trim();
        var header = request.Headers["X-Api-Key"].ToString();
        if (header.Length > 0) return header;
        var query = request.Query["key"].ToString();
        return query.Length > 0 ? query : null;
    }
}
