// Health and operations: GET /health (liveness: the process answers), GET /ready (whether it can speak,
// per engine with the reason and what to do), GET /api/health (the original's shape), GET /metrics
// (Prometheus text format), and the documentation: /docs (docs/api.md) next to /openapi/v1.json.
using System.Reflection;
using IShowTts.Server.Contracts;
using IShowTts.Server.Observability;
using IShowTts.Server.Security;
using IShowTts.Synthesis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IShowTts.Server.Apis;

internal static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("").WithTags("Operations");
        ops.MapGet("/health", Health).WithName("Liveness").WithSummary("Liveness: 200 while the process answers.");
        ops.MapGet("/api/health", Health).WithName("Health").WithSummary("The original health answer: status, voice count, default voice.");
        ops.MapGet("/ready", Ready).WithName("Readiness")
            .WithSummary("Readiness: 200 ready/degraded when some engine can speak (each engine's state and reason listed), 503 when none can.");
        ops.MapGet("/metrics", Metrics).WithName("Metrics").WithSummary("Prometheus metrics (text exposition format).")
            .Produces(200, contentType: "text/plain").RequireScope(ApiScopes.Admin);
        ops.MapGet("/docs", Docs).WithName("Docs").WithSummary("This API's documentation (Markdown).").Produces(200, contentType: "text/markdown");
        ops.MapGet("/openapi", () => TypedResults.Redirect("/openapi/v1.json")).ExcludeFromDescription();
        return app;
    }

    public static Ok<HealthResponse> Health(Synthesizer synthesizer) =>
        TypedResults.Ok(new HealthResponse("ok", synthesizer.Voices.All.Count, DefaultVoice(synthesizer)));

    public static JsonHttpResult<ReadinessResponse> Ready(Synthesizer synthesizer, ServerOptions options)
    {
        var engines = synthesizer.Engines.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e =>
        {
            var status = e.Status;
            return new EngineState(e.Id, e.Label, status.Ready, status.Reason, status.Ready ? null : options.EngineHints.GetValueOrDefault(e.Id));
        }).ToArray();
        int ready = engines.Count(e => e.Ready);
        var state = ready == engines.Length && ready > 0 ? "ready" : ready > 0 ? "degraded" : "not_ready";
        var problems = synthesizer.Voices.Problems.Select(p => new VoiceProblemInfo(p.VoiceId, p.Reason)).ToArray();
        var body = new ReadinessResponse(state, engines, synthesizer.Voices.All.Count, DefaultVoice(synthesizer), problems);
        return TypedResults.Json(body, statusCode: ready > 0 ? 200 : 503);
    }

    public static async Task Metrics(HttpContext http, ServerMetrics metrics)
    {
        http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await metrics.Registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
    }

    public static async Task<ContentHttpResult> Docs()
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IShowTts.Server.api.md");
        if (stream is null) return TypedResults.Text("docs/api.md was not bundled into this build", "text/plain", statusCode: 500);
        using var reader = new StreamReader(stream);
        return TypedResults.Text(await reader.ReadToEndAsync(), "text/markdown; charset=utf-8");
    }

    private static string? DefaultVoice(Synthesizer synthesizer) =>
        synthesizer.Options.DefaultVoice ?? synthesizer.Voices.All.FirstOrDefault()?.Id;
}
