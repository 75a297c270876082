// Builds the problem results handlers return: one factory per failure, each with its stable type,
// status and a detail a user can act on. Extensions carry machine-readable facts (limits, known voices).
using IShowTts.Synthesis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IShowTts.Server.Problems;

internal static class Problem
{
    public static ProblemHttpResult Of(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (extensions is not null)
            foreach (var (k, v) in extensions) problem.Extensions[k] = v;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult InvalidRequest(string detail) =>
        Of(400, ProblemTypes.InvalidRequest, "Invalid request", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Of(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", detail);

    public static ProblemHttpResult InvalidVoiceId(string id) =>
        Of(400, ProblemTypes.InvalidVoiceId, "Invalid voice id",
            $"'{Shorten(id)}' is not a voice id: use 1–64 letters, digits, '-', '_' or '.', not starting with '.'");

    public static ProblemHttpResult VoiceNotFound(string id, IEnumerable<string> known) =>
        Of(404, ProblemTypes.UnknownVoice, "Unknown voice", $"there is no voice '{id}'",
            new Dictionary<string, object?> { ["known_voices"] = known.ToArray() });

    public static ProblemHttpResult TextTooLong(int length, int max) =>
        Of(400, ProblemTypes.TextTooLong, "Text too long",
            $"the text has {length} characters; at most {max} are accepted in one request (split it, or raise [api] max_text_chars)",
            new Dictionary<string, object?> { ["max_text_chars"] = max });

    public static ProblemHttpResult Overloaded(int retryAfterSeconds, int queued) =>
        Of(429, ProblemTypes.Overloaded, "Too many requests",
            $"all synthesis slots are busy and {queued} requests are already waiting; retry in about {retryAfterSeconds} s",
            new Dictionary<string, object?> { ["retry_after"] = retryAfterSeconds });

    public static ProblemHttpResult ShuttingDown() =>
        Of(503, ProblemTypes.ShuttingDown, "Shutting down", "the server is shutting down and takes no new work; retry shortly",
            new Dictionary<string, object?> { ["retry_after"] = 5 });

    /// <summary>For logs and metrics only: the client went away, nobody reads this answer.</summary>
    public static ProblemHttpResult ClientClosed() =>
        Of(499, ProblemTypes.ClientClosed, "Client closed the request", "the client went away before the audio was ready");

    public static ProblemHttpResult Timeout(TimeSpan limit) =>
        Of(504, ProblemTypes.Timeout, "Timed out",
            $"the request did not finish within {limit.TotalSeconds:0.#} s and was cancelled (shorten the text, or raise [api] request_timeout_secs)");

    /// <summary>A Synthesizer error as a problem; <paramref name="hints"/> adds what to do when an engine is not ready.</summary>
    public static ProblemHttpResult FromSpeech(SpeechException e, string? engineId, IReadOnlyDictionary<string, string> hints, IEnumerable<string> knownVoices)
    {
        return e.Kind switch
        {
            SpeechErrorKind.EmptyText => Of(400, ProblemTypes.EmptyText, "Empty text", e.Message),
            SpeechErrorKind.TextTooLong => Of(400, ProblemTypes.TextTooLong, "Text too long", e.Message),
            SpeechErrorKind.UnknownVoice => Of(400, ProblemTypes.UnknownVoice, "Unknown voice", e.Message,
                new Dictionary<string, object?> { ["known_voices"] = knownVoices.ToArray() }),
            SpeechErrorKind.UnknownEngine => Of(400, ProblemTypes.UnknownEngine, "Unknown engine", e.Message),
            SpeechErrorKind.EngineNotReady => EngineNotReady(e.Message, engineId is null ? null : hints.GetValueOrDefault(engineId)),
            SpeechErrorKind.BadReference => Of(500, ProblemTypes.BadReference, "Unusable voice reference", e.Message),
            SpeechErrorKind.BadParameter => Of(400, ProblemTypes.BadParameter, "Bad parameter", e.Message),
            _ => Of(500, ProblemTypes.Internal, "Internal error", e.Message),
        };
    }

    public static ProblemHttpResult EngineNotReady(string message, string? hint) =>
        Of(503, ProblemTypes.EngineNotReady, "Engine not ready", hint is null ? message : $"{message}. {hint}",
            hint is null ? null : new Dictionary<string, object?> { ["hint"] = hint });

    internal static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
