// Streams a started speech as server-sent events: each synthesis chunk is encoded and sent as one base64
// event the moment it exists. Errors after the start are sent as an event (OpenAI: an "error" event;
// ours: event "error" with the problem), since the status line is gone by then.
using System.Text.Json;
using IShowTts.Server.Codecs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Streaming;

internal sealed class SseSpeechResult(StartedSpeech speech, AudioFormat format, SseDialect dialect, int inputCharacters) : IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task ExecuteAsync(HttpContext http)
    {
        var log = http.RequestServices.GetRequiredService<ILogger<SseSpeechResult>>();
        await using var _ = speech;
        var token = speech.Token;
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        SpeechHeaders.Apply(response, speech);
        var buffer = new MemoryStream();
        int index = 0;
        try
        {
            await using var encoder = format.Create(buffer, speech.SampleRate);
            await response.StartAsync(token);
            if (dialect == SseDialect.IShowTts)
                await SendAsync(response, "start", new
                {
                    request_id = http.TraceIdentifier, voice_id = speech.Voice.Id, engine = speech.Engine.Id, engine_label = speech.Engine.Label,
                    sample_rate = speech.SampleRate, format = format == AudioFormat.Pcm ? "pcm_s16le" : format.ContentType,
                    time_to_first_byte_ms = Math.Round(speech.TimeToFirstAudio.TotalMilliseconds, 1),
                }, token);
            await foreach (var chunk in speech.ReadAllAsync().WithCancellation(token))
            {
                await encoder.WriteAsync(chunk.Samples, token);
                index = await SendDeltaAsync(response, buffer, index, token);
            }
            await encoder.CompleteAsync(token);
            await SendDeltaAsync(response, buffer, index, token);
            if (dialect == SseDialect.OpenAi)
            {
                int frames = (int)(speech.Samples * 50 / speech.SampleRate);
                await SendAsync(response, null, new
                {
                    type = "speech.audio.done",
                    usage = new { input_tokens = inputCharacters, output_tokens = frames, total_tokens = inputCharacters + frames },
                }, token);
            }
            else
            {
                await SendAsync(response, "done", new { waveform_len = speech.Samples, duration_seconds = (double)speech.Samples / speech.SampleRate }, token);
            }
        }
        catch (OperationCanceledException) when (speech.Cancellation.ClientGone)
        {
            log.LogInformation("the client went away during the event stream; synthesis stopped");
        }
        catch (Exception e) when (e is not OperationCanceledException || token.IsCancellationRequested)
        {
            log.LogError(e, "event stream stopped after {Samples} samples", speech.Samples);
            var detail = speech.Cancellation.TimedOut ? $"timed out after {speech.Cancellation.Limit.TotalSeconds:0.#} s" : e.Message;
            try
            {
                if (dialect == SseDialect.OpenAi)
                    await SendAsync(response, null, new { type = "error", error = new { message = detail, type = "server_error" } }, CancellationToken.None);
                else
                    await SendAsync(response, "error", new { type = Problems.ProblemTypes.Internal, title = "Synthesis failed", detail }, CancellationToken.None);
            }
            catch (Exception sendFailure) when (sendFailure is IOException or OperationCanceledException or InvalidOperationException)
            {
                http.Abort();
            }
        }
    }

    private async Task<int> SendDeltaAsync(HttpResponse response, MemoryStream buffer, int index, CancellationToken token)
    {
        if (buffer.Length == 0) return index;
        var bytes = buffer.ToArray();
        buffer.SetLength(0);
        var b64 = Convert.ToBase64String(bytes);
        if (dialect == SseDialect.OpenAi) await SendAsync(response, null, new { type = "speech.audio.delta", audio = b64 }, token);
        else await SendAsync(response, "audio", new { index, audio_base64 = b64, samples = bytes.Length / 2 }, token);
        return index + 1;
    }

    private static async Task SendAsync(HttpResponse response, string? eventName, object data, CancellationToken token)
    {
        var text = (eventName is null ? "" : $"event: {eventName}\n") + $"data: {JsonSerializer.Serialize(data, Json)}\n\n";
        await response.WriteAsync(text, token);
        await response.Body.FlushAsync(token);
    }
}
