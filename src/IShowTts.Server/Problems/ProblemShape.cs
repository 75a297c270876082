// Finishes every problem the server writes, its own and the framework's (404 routes, 413 bodies, 500s):
// a stable type where the framework left none, the request id, and for /v1 routes OpenAI's error object
// too, so OpenAI clients show the message (RFC 7807 fields stay as they are).
using Microsoft.AspNetCore.Http;

namespace IShowTts.Server.Problems;

internal static class ProblemShape
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        int status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (string.IsNullOrEmpty(problem.Type) || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            problem.Type = ProblemTypes.ForStatus(status);
        if (string.IsNullOrEmpty(problem.Detail)) problem.Detail = DefaultDetail(status, context.HttpContext.Request);
        problem.Extensions.Remove("traceId");
        problem.Extensions.Remove("requestId");
        problem.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
        if (context.HttpContext.Request.Path.StartsWithSegments("/v1"))
            problem.Extensions["error"] = new Dictionary<string, object?>
            {
                ["message"] = problem.Detail ?? problem.Title,
                ["type"] = status switch { 401 => "authentication_error", 403 => "permission_error", 429 => "rate_limit_exceeded", >= 500 => "server_error", _ => "invalid_request_error" },
                ["code"] = ProblemTypes.Slug(problem.Type),
                ["param"] = null,
            };
    }

    private static string DefaultDetail(int status, HttpRequest request) => status switch
    {
        404 => $"no route matches {request.Method} {request.Path}; the routes are listed at /openapi/v1.json",
        405 => $"{request.Method} is not allowed on {request.Path}",
        413 => "the request body is larger than this server accepts ([api] max_upload_bytes)",
        415 => "this route takes a JSON body (Content-Type: application/json) or, for uploads, multipart/form-data",
        >= 500 => "an unexpected error; the server log has the details under this request id",
        _ => "the request cannot be served as sent",
    };
}
