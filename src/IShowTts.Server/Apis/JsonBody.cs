// Reads a JSON request body so that a malformed one becomes a problem a user can act on ("line 1: '}'
// expected…") instead of the framework's empty 400. Unknown fields are ignored, as OpenAI clients send
// fields we do not use.
using System.Text.Json;
using IShowTts.Server.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IShowTts.Server.Apis;

internal static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problem.UnsupportedMediaType($"send the body as JSON with `Content-Type: application/json` (got '{request.ContentType ?? "none"}')"));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null ? (null, Problem.InvalidRequest("the body is empty or null; send a JSON object")) : (value, null);
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problem.Of(e.StatusCode, ProblemTypes.ForStatus(e.StatusCode), "Unreadable body", e.Message));
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            return (null, Problem.InvalidRequest($"the body is not valid JSON for this route{where}: {e.Message.Split(" Path:")[0]}"));
        }
    }
}
