// Operations: liveness and readiness, Prometheus metrics after real traffic, request ids in headers,
// problems and logs, the OpenAPI document listing every route, and the placeholder web page and docs.
using System.Net;
using System.Text.Json;

namespace IShowTts.Server.Tests;

public sealed class OperationsTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task LivenessAndReadinessReportEveryEngine()
    {
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.GetAsync("health")).StatusCode);
        var response = await Server.Http.GetAsync("ready");
        var body = await Wire.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var engines = body.GetProperty("engines").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("ready").GetBoolean());
        Assert.True(engines["f5"]);
        Assert.Equal(TestServer.EspeakReady, engines["espeak"]);
        Assert.Equal(TestServer.EspeakReady ? "ready" : "degraded", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MetricsCoverRequestsLatencyRealTimeFactorAndFirstAudio()
    {
        await Server.Http.PostJsonAsync("api/tts", new { text = "Metrics, please.", seed = 77 });
        var metrics = "";
        // A request is counted once its response is complete, a moment after the client has it.
        await TestServer.WaitUntilAsync(() => (metrics = Server.Http.GetStringAsync("metrics").Result)
            .Contains("ishowtts_http_requests_total{route=\"/api/tts\",method=\"POST\",status=\"200\"}"), "the request is counted:\n" + metrics, seconds: 5);
        Assert.Contains("ishowtts_http_requests_total{route=\"/api/tts\",method=\"POST\",status=\"200\"}", metrics);
        Assert.Contains("ishowtts_http_request_duration_seconds_bucket{route=\"/api/tts\"", metrics);
        Assert.Contains("ishowtts_synthesis_rtf_bucket{engine=\"f5\"", metrics);
        Assert.Contains("ishowtts_synthesis_duration_seconds_count{engine=\"f5\"}", metrics);
        Assert.Contains("ishowtts_time_to_first_audio_seconds_count{engine=\"f5\"}", metrics);
        Assert.Contains("ishowtts_syntheses_total{engine=\"f5\",outcome=\"ok\"}", metrics);
        Assert.Contains("ishowtts_engine_ready{engine=\"f5\"} 1", metrics);
        Assert.Contains("ishowtts_max_parallel 3", metrics);
        Assert.Contains("ishowtts_queue_depth ", metrics);
        Assert.Contains("ishowtts_inflight_syntheses ", metrics);
        Assert.Contains("ishowtts_clip_cache_misses_total ", metrics);
    }

    [Fact]
    public async Task RequestIdTravelsThroughHeadersProblemsAndLogs()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/tts") { Content = Wire.Json(new { text = "" }) };
        request.Headers.Add("X-Request-Id", "chat-bot-42");
        var response = await Server.Http.SendAsync(request);
        Assert.Equal("chat-bot-42", response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("chat-bot-42", (await Wire.ReadJsonAsync(response)).GetProperty("request_id").GetString());
        await TestServer.WaitUntilAsync(() => Server.Logs.Lines.Any(l => l.Text.Contains("POST /api/tts -> 400") && l.Text.Contains("RequestId=chat-bot-42")),
            "the request is logged with its id", seconds: 5);

        var unsafeId = new HttpRequestMessage(HttpMethod.Get, "health");
        unsafeId.Headers.TryAddWithoutValidation("X-Request-Id", "evil\u0001id with spaces");
        Assert.True(Guid.TryParse((await Server.Http.SendAsync(unsafeId)).Headers.GetValues("X-Request-Id").Single(), out _));
    }

    [Fact]
    public async Task OpenApiDocumentListsEveryRoute()
    {
        var doc = JsonDocument.Parse(await Server.Http.GetStringAsync("openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/health", "/ready", "/metrics", "/api/health", "/api/tts", "/api/tts/stream", "/api/tts/events", "/api/voices", "/api/voices/{id}",
            "/api/voices/{id}/reference", "/api/voices/{id}/reference/audio", "/v1/audio/speech", "/v1/models", "/v1/models/{id}", "/v1/audio/voices",
        ];
        foreach (var p in expected) Assert.Contains(p, paths);
        var tts = doc.GetProperty("paths").GetProperty("/api/tts").GetProperty("post");
        Assert.Contains("TtsRequestBody", tts.GetProperty("requestBody").GetRawText());
        var body = doc.GetProperty("components").GetProperty("schemas").GetProperty("TtsRequestBody").GetProperty("properties");
        Assert.True(body.TryGetProperty("text", out _));
        Assert.True(body.TryGetProperty("voice_id", out _));
        Assert.True(body.TryGetProperty("nfe_step", out _));
    }

    [Fact]
    public async Task PlaceholderPageLinksTheDocsWhichAreServed()
    {
        var page = await Server.Http.GetStringAsync("");
        Assert.Contains("/docs", page);
        Assert.Contains("/openapi", page);
        var docs = await Server.Http.GetAsync("docs");
        Assert.Equal("text/markdown", docs.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/v1/audio/speech", await docs.Content.ReadAsStringAsync());
        var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress }.GetAsync("openapi");
        Assert.True(redirect.Headers.Location?.OriginalString == "/openapi/v1.json", $"{(int)redirect.StatusCode} {redirect.Headers} {await redirect.Content.ReadAsStringAsync()}");
    }
}
