// The original iShowTTS speech routes: POST /api/tts answers the whole clip as base64 WAV in JSON (the
// original's response, field for field); /api/tts/stream sends the same request's audio as it is made
// (chunked audio, or server-sent events of base64 PCM with Accept: text/event-stream); GET
// /api/tts/events does the latter from a query string, for browsers' EventSource.
using IShowTts.Audio;
using IShowTts.Server.Contracts;
using IShowTts.Server.Codecs;
using IShowTts.Server.Problems;
using IShowTts.Server.Security;
using IShowTts.Server.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IShowTts.Server.Apis;

internal static class SpeechApi
{
    public static RouteGroupBuilder MapSpeechApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tts").WithTags("Speech (iShowTTS)").RequireScope(ApiScopes.Speak);

        api.MapPost("", Synthesize).WithName("Synthesize")
            .WithSummary("Speak a text; the whole clip as base64 WAV in JSON (the original /api/tts).")
            .Accepts<TtsRequestBody>("application/json");
        api.MapPost("/stream", Stream).WithName("SynthesizeStream")
            .WithSummary("Speak a text and stream the audio as it is made: chunked WAV/PCM/MP3/Opus/FLAC, or SSE of base64 PCM with Accept: text/event-stream.")
            .Accepts<TtsRequestBody>("application/json")
            .Produces(200, contentType: "audio/wav").Produces(200, contentType: "text/event-stream")
            .ProducesProblem(400).ProducesProblem(429).ProducesProblem(503);
        api.MapGet("/events", Events).WithName("SynthesizeEvents")
            .WithSummary("Server-sent events of base64 PCM for a text given in the query string (EventSource; ?key= carries the API key).")
            .Produces(200, contentType: "text/event-stream").ProducesProblem(400).ProducesProblem(429);
        return api;
    }

    public static async Task<Results<Ok<TtsResponse>, ProblemHttpResult>> Synthesize(HttpContext http, SpeechService speech, IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<TtsRequestBody>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        var (started, problem) = await speech.StartAsync(body!.ToSpeechRequest(), http);
        if (problem is not null) return problem;
        await using var s = started!;
        var samples = new List<float>();
        try
        {
            await foreach (var chunk in s.ReadAllAsync().WithCancellation(s.Token)) samples.AddRange(chunk.Samples);
        }
        catch (OperationCanceledException) when (s.Cancellation.TimedOut)
        {
            return Problem.Timeout(s.Cancellation.Limit);
        }
        catch (OperationCanceledException) when (s.Cancellation.ShutDown)
        {
            return Problem.ShuttingDown();
        }
        catch (OperationCanceledException) when (s.Cancellation.ClientGone)
        {
            return Problem.ClientClosed();
        }
        SpeechHeaders.Apply(http.Response, s);
        var wav = WavWriter.ToBytes(samples.ToArray(), s.SampleRate);
        return TypedResults.Ok(new TtsResponse(http.TraceIdentifier, s.Voice.Id, s.Engine.Id, s.Engine.Label, s.SampleRate,
            Convert.ToBase64String(wav), samples.Count, "audio/wav"));
    }

    public static async Task<Results<AudioStreamResult, SseSpeechResult, ProblemHttpResult>> Stream(HttpContext http, SpeechService speech, IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<TtsRequestBody>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        bool sse = http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        var format = sse ? AudioFormat.Pcm : AudioFormat.Find(body!.Format ?? "wav");
        if (format is null) return UnsupportedFormat(body!.Format!);
        if (format.Unavailable() is { } reason) return FormatUnavailable(format, reason);
        var (started, problem) = await speech.StartAsync(body!.ToSpeechRequest(), http);
        if (problem is not null) return problem;
        return sse ? new SseSpeechResult(started!, format, SseDialect.IShowTts, body.Text!.Length) : new AudioStreamResult(started!, format);
    }

    public static async Task<Results<SseSpeechResult, ProblemHttpResult>> Events(HttpContext http, SpeechService speech,
        string? text, [FromQuery(Name = "voice_id")] string? voiceId, string? engine, double? speed,
        [FromQuery(Name = "nfe_step")] int? nfeStep, ulong? seed)
    {
        var request = new TtsRequestBody(text, voiceId, engine, Speed: speed, NfeStep: nfeStep, Seed: seed).ToSpeechRequest();
        var (started, problem) = await speech.StartAsync(request, http);
        if (problem is not null) return problem;
        return new SseSpeechResult(started!, AudioFormat.Pcm, SseDialect.IShowTts, request.Text.Length);
    }

    internal static ProblemHttpResult UnsupportedFormat(string name) =>
        Problem.Of(400, ProblemTypes.UnsupportedFormat, "Unsupported format",
            $"'{Problem.Shorten(name)}' is not a format this server produces; use one of {string.Join(", ", AudioFormat.All.Select(f => f.Name))}",
            new Dictionary<string, object?> { ["formats"] = AudioFormat.All.Select(f => f.Name).ToArray() });

    internal static ProblemHttpResult FormatUnavailable(AudioFormat format, string reason) =>
        Problem.Of(501, ProblemTypes.FormatUnavailable, "Format unavailable", reason,
            new Dictionary<string, object?>
            {
                ["format"] = format.Name,
                ["available_formats"] = AudioFormat.All.Where(f => f.Unavailable() is null).Select(f => f.Name).ToArray(),
            });
}
