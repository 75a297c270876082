// The OpenAI-compatible speech API, so OpenAI's client libraries and the apps built on them (SillyTavern,
// Open WebUI…) work unchanged: POST /v1/audio/speech (mp3 by default, streamed as it is made; SSE with
// stream_format "sse"), GET /v1/models, GET /v1/audio/voices. Any of our voices works by id; OpenAI's
// own voice names, which mean nothing here, speak with the default voice (X-Voice-Id says which).
using IShowTts.Server.Contracts;
using IShowTts.Server.Codecs;
using IShowTts.Server.Problems;
using IShowTts.Server.Security;
using IShowTts.Server.Streaming;
using IShowTts.Synthesis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IShowTts.Server.Apis;

internal static class OpenAiApi
{
    /// <summary>OpenAI's model names, accepted for any engine.</summary>
    private static readonly string[] AnyEngineModels = ["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "ishowtts"];

    /// <summary>OpenAI's built-in voice names: the default voice speaks for them unless a voice has that id.</summary>
    private static readonly HashSet<string> OpenAiVoiceNames =
        ["alloy", "ash", "ballad", "cedar", "coral", "echo", "fable", "marin", "nova", "onyx", "sage", "shimmer", "verse"];

    private static readonly long Created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public static RouteGroupBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("OpenAI-compatible").RequireScope(ApiScopes.Speak);

        v1.MapPost("/audio/speech", Speech).WithName("CreateSpeech")
            .WithSummary("OpenAI's speech endpoint: model, input, voice, response_format (mp3 default, opus, aac, flac, wav, pcm), speed, stream_format.")
            .Accepts<OpenAiSpeechRequest>("application/json")
            .Produces(200, contentType: "audio/mpeg").Produces(200, contentType: "text/event-stream")
            .ProducesProblem(400).ProducesProblem(429).ProducesProblem(501).ProducesProblem(503);
        v1.MapGet("/models", Models).WithName("ListModels").WithSummary("The models: OpenAI's names (any engine) and one per engine.");
        v1.MapGet("/models/{id}", Model).WithName("GetModel").WithSummary("One model by id.");
        v1.MapGet("/audio/voices", Voices).WithName("ListSpeechVoices").WithSummary("Every voice the speech endpoint accepts.");
        return v1;
    }

    public static async Task<Results<AudioStreamResult, SseSpeechResult, ProblemHttpResult>> Speech(HttpContext http, SpeechService speech, IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<OpenAiSpeechRequest>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        if (body!.Input is null) return Problem.InvalidRequest("'input' is required: the text to speak");
        if (string.IsNullOrWhiteSpace(body.Model)) return Problem.InvalidRequest($"'model' is required: one of {string.Join(", ", ModelIds(speech.Synthesizer))}");
        if (string.IsNullOrWhiteSpace(body.Voice)) return Problem.InvalidRequest("'voice' is required: a voice id from GET /v1/audio/voices");
        string? engine = null;
        if (!AnyEngineModels.Contains(body.Model))
        {
            if (speech.Synthesizer.Engine(body.Model) is null)
                return Problem.Of(400, ProblemTypes.UnknownModel, "Unknown model",
                    $"there is no model '{Problem.Shorten(body.Model)}'; use one of {string.Join(", ", ModelIds(speech.Synthesizer))}");
            engine = body.Model;
        }
        var format = AudioFormat.Find(body.ResponseFormat ?? "mp3");
        if (format is null) return SpeechApi.UnsupportedFormat(body.ResponseFormat!);
        if (format.Unavailable() is { } reason) return SpeechApi.FormatUnavailable(format, reason);
        if (body.StreamFormat is not (null or "audio" or "sse"))
            return Problem.InvalidRequest($"stream_format must be \"audio\" or \"sse\" (got '{Problem.Shorten(body.StreamFormat)}')");
        bool sse = body.StreamFormat == "sse";
        var voice = OpenAiVoiceNames.Contains(body.Voice) && !speech.Synthesizer.Voices.TryGet(body.Voice, out _) ? null : body.Voice;
        var request = new SpeechRequest(body.Input, voice, engine, Speed: body.Speed);
        var (started, problem) = await speech.StartAsync(request, http);
        if (problem is not null) return problem;
        return sse ? new SseSpeechResult(started!, format, SseDialect.OpenAi, body.Input.Length) : new AudioStreamResult(started!, format);
    }

    public static Ok<OpenAiModelList> Models(SpeechService speech) =>
        TypedResults.Ok(new OpenAiModelList("list", ModelIds(speech.Synthesizer).Select(ToModel).ToArray()));

    public static Results<Ok<OpenAiModel>, ProblemHttpResult> Model(string id, SpeechService speech) =>
        ModelIds(speech.Synthesizer).Contains(id) ? TypedResults.Ok(ToModel(id))
            : Problem.Of(404, ProblemTypes.UnknownModel, "Unknown model", $"there is no model '{Problem.Shorten(id)}'");

    public static Ok<OpenAiVoiceList> Voices(SpeechService speech) =>
        TypedResults.Ok(new OpenAiVoiceList(speech.Synthesizer.Voices.All
            .Select(v => new OpenAiVoice(v.Id, v.Label ?? v.Id, v.Engine, v.Language)).ToArray()));

    private static IEnumerable<string> ModelIds(Synthesizer synthesizer) => AnyEngineModels.Concat(synthesizer.Engines.Select(e => e.Id));

    private static OpenAiModel ToModel(string id) => new(id, "model", Created, "ishowtts");
}
