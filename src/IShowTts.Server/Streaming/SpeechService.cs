// The one path every speech route takes: cheap checks first (text, voice, engine), then a synthesis
// slot (or 429/503), then the synthesis up to its first chunk, so every error that can be reported as
// a problem is known before a response starts. Returns the started speech or the problem to send.
using System.Diagnostics;
using IShowTts.Audio;
using IShowTts.Server.Observability;
using IShowTts.Server.Problems;
using IShowTts.Server.Scheduling;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Voices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Streaming;

internal sealed class SpeechService(Synthesizer synthesizer, SynthesisScheduler scheduler, ServerMetrics metrics, ServerOptions options,
    ILogger<SpeechService> log)
{
    public Synthesizer Synthesizer => synthesizer;

    public ServerOptions Options => options;

    public async Task<(StartedSpeech? Speech, ProblemHttpResult? Problem)> StartAsync(SpeechRequest request, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
            return (null, Problem.Of(400, ProblemTypes.EmptyText, "Empty text", "text must not be empty"));
        if (request.Text.Length > options.MaxTextChars) return (null, Problem.TextTooLong(request.Text.Length, options.MaxTextChars));
        Voice voice;
        try
        {
            voice = synthesizer.ResolveVoice(request.VoiceId, request.Engine);
        }
        catch (SpeechException e)
        {
            return (null, SpeechProblem(e, request.Engine));
        }
        var engine = synthesizer.Engine(voice.Engine);
        if (engine is null)
            return (null, Problem.Of(400, ProblemTypes.UnknownEngine, "Unknown engine", $"voice '{voice.Id}' needs engine '{voice.Engine}', which is not available"));

        var cancellation = new RequestCancellation(http.RequestAborted, scheduler.Abort, options.RequestTimeout);
        Admission admission;
        try
        {
            admission = await scheduler.EnterAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            var problem = Cancelled(cancellation);
            cancellation.Dispose();
            return (null, problem);
        }
        if (admission.Slot is not { } slot)
        {
            cancellation.Dispose();
            metrics.Rejected(admission.Reason);
            int retry = admission.Reason == RefusalReason.QueueFull ? scheduler.RetryAfterSeconds : 5;
            http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            log.LogWarning("refused: {Reason} ({Running} running, {Waiting} waiting)", admission.Reason, scheduler.Running, scheduler.Waiting);
            return (null, admission.Reason == RefusalReason.QueueFull ? Problem.Overloaded(retry, scheduler.Waiting) : Problem.ShuttingDown());
        }

        long slotStart = Stopwatch.GetTimestamp();
        var chunks = synthesizer.StreamAsync(request with { VoiceId = voice.Id }, cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        ProblemHttpResult? failure;
        try
        {
            if (await chunks.MoveNextAsync())
            {
                var ttfa = Stopwatch.GetElapsedTime(RequestTracking.StartOf(http));
                metrics.FirstAudio(engine.Id, ttfa.TotalSeconds);
                return (new StartedSpeech(voice, engine, chunks, chunks.Current, slot, cancellation, metrics, ttfa, slotStart), null);
            }
            failure = Problem.Of(500, ProblemTypes.Internal, "No audio", $"the {engine.Label} engine produced no audio for this text");
        }
        catch (SpeechException e)
        {
            failure = SpeechProblem(e, engine.Id);
        }
        catch (AudioFormatException e)
        {
            failure = Problem.Of(500, ProblemTypes.BadReference, "Unusable voice reference", $"voice '{voice.Id}': {e.Message}");
        }
        catch (OperationCanceledException)
        {
            failure = Cancelled(cancellation);
        }
        catch
        {
            await Release(chunks, slot, cancellation, engine.Id, "error", slotStart);
            throw;
        }
        await Release(chunks, slot, cancellation, engine.Id, failure.StatusCode == 504 ? "timeout" : "error", slotStart);
        return (null, failure);
    }

    public ProblemHttpResult SpeechProblem(SpeechException e, string? engineId) =>
        Problem.FromSpeech(e, engineId, options.EngineHints, synthesizer.Voices.All.Select(v => v.Id));

    private async Task Release(IAsyncEnumerator<AudioChunk> chunks, SynthesisScheduler.Slot slot, RequestCancellation cancellation, string engine, string outcome, long start)
    {
        try
        {
            await chunks.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }
        metrics.Synthesis(engine, cancellation.ClientGone ? "cancelled" : outcome, Stopwatch.GetElapsedTime(start).TotalSeconds, 0);
        slot.Dispose();
        cancellation.Dispose();
    }

    private static ProblemHttpResult Cancelled(RequestCancellation c) =>
        c.TimedOut ? Problem.Timeout(c.Limit)
        : c.ShutDown ? Problem.ShuttingDown()
        : Problem.ClientClosed();
}
