// Streams a started speech as encoded audio with chunked transfer: each synthesis chunk is encoded and
// flushed as soon as it exists. A failure after the first byte cannot become a problem any more, so the
// connection is aborted and the client sees a broken transfer, never a silently shortened file.
using IShowTts.Server.Codecs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Streaming;

internal sealed class AudioStreamResult(StartedSpeech speech, AudioFormat format) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var log = http.RequestServices.GetRequiredService<ILogger<AudioStreamResult>>();
        await using var _ = speech;
        var token = speech.Token;
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        SpeechHeaders.Apply(response, speech);
        try
        {
            await using var encoder = format.Create(response.Body, speech.SampleRate);
            await response.StartAsync(token);
            await foreach (var chunk in speech.ReadAllAsync().WithCancellation(token))
            {
                await encoder.WriteAsync(chunk.Samples, token);
                await response.Body.FlushAsync(token);
            }
            await encoder.CompleteAsync(token);
            await response.Body.FlushAsync(token);
        }
        catch (OperationCanceledException) when (speech.Cancellation.ClientGone)
        {
            log.LogInformation("the client went away after {Seconds:0.00} s of audio; synthesis stopped", (double)speech.Samples / speech.SampleRate);
        }
        catch (Exception e) when (e is not OperationCanceledException || token.IsCancellationRequested)
        {
            log.LogError(e, "streaming {Format} stopped after {Samples} samples ({Outcome}); aborting the response", format.Name, speech.Samples,
                speech.Cancellation.TimedOut ? "timeout" : speech.Cancellation.ShutDown ? "shutdown" : "error");
            http.Abort();
        }
    }
}
