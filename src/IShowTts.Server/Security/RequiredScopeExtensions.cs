// `.RequireScope(ApiScopes.Speak)` on a route or group: attaches the RequiredScope metadata AccessGuard reads.
using Microsoft.AspNetCore.Builder;

namespace IShowTts.Server.Security;

internal static class RequiredScopeExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));
}
