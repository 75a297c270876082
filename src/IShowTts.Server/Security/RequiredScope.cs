// Endpoint metadata: the scope a key needs for a route when keys are required. Routes without it are
// public (health, readiness, the web UI, the OpenAPI document).
namespace IShowTts.Server.Security;

internal sealed record RequiredScope(string Scope);
