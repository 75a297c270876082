// First middleware of the pipeline: gives each request an id (the client's X-Request-Id when it is a
// plain token, else a new UUID), echoes it, opens a log scope with it, and at the end logs one line and
// records the request metrics. Only the path is logged, never the query string (it may hold ?key=).
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Observability;

internal sealed class RequestTracking(RequestDelegate next, ServerMetrics metrics, ILogger<RequestTracking> log)
{
    public const string Header = "X-Request-Id";
    private const string StartKey = "ishowtts.start";

    public async Task InvokeAsync(HttpContext context)
    {
        long start = Stopwatch.GetTimestamp();
        var id = context.Request.Headers[Header].ToString();
        if (!IsPlainToken(id)) id = Guid.NewGuid().ToString();
        context.TraceIdentifier = id;
        context.Items[StartKey] = start;
        context.Response.Headers[Header] = id;
        using var scope = log.BeginScope("RequestId:{RequestId}", id);
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw
                ? (raw.Length > 1 ? raw.TrimEnd('/') : raw)
                : context.Response.StatusCode == 404 ? "unmatched" : "static";
            int status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
            metrics.Request(route, context.Request.Method, status, elapsed.TotalSeconds);
            var caller = context.Items.TryGetValue(Security.AccessGuard.CallerKey, out var c) ? c?.ToString() : null;
            log.LogInformation("{Method} {Path} -> {Status} in {ElapsedMs:0.0} ms{Caller}", context.Request.Method,
                context.Request.Path.Value, status, elapsed.TotalMilliseconds, caller is null ? "" : $" (key {caller})");
        }
    }

    /// <summary>When the request arrived (Stopwatch timestamp); now if the middleware did not run.</summary>
    public static long StartOf(HttpContext context) =>
        context.Items.TryGetValue(StartKey, out var v) && v is long t ? t : Stopwatch.GetTimestamp();

    private static bool IsPlainToken(string s) =>
        s.Length is > 0 and <= 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
