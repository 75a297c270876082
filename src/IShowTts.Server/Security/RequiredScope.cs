// Endpoint metadata: the scope a key needs for a route when keys are required. Routes without it are
// public (health, readiness, the web UI, the OpenAPI document).
using Microsoft.AspNetCore.Builder;

namespace IShowTts.Server.Security;

internal sealed record RequiredScope(string Scope);

internal static class RequiredScopeExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));
}
