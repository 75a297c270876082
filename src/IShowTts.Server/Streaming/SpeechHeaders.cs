// Response headers every speech answer carries: which voice and engine spoke, the sample rate, and the
// time to the first audio (X-Time-To-First-Byte-Ms and Server-Timing, which browsers' tools show).
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IShowTts.Server.Streaming;

internal static class SpeechHeaders
{
    public const string TimeToFirstByte = "X-Time-To-First-Byte-Ms";

    public static void Apply(HttpResponse response, StartedSpeech speech)
    {
        var ms = speech.TimeToFirstAudio.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        response.Headers[TimeToFirstByte] = ms;
        response.Headers["Server-Timing"] = $"ttfb;dur={ms};desc=\"time to first audio\"";
        response.Headers["X-Voice-Id"] = speech.Voice.Id;
        response.Headers["X-Engine"] = speech.Engine.Id;
        response.Headers["X-Sample-Rate"] = speech.SampleRate.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }

    public static readonly string[] Exposed = [TimeToFirstByte, "Server-Timing", "X-Voice-Id", "X-Engine", "X-Sample-Rate", "X-Request-Id", "Retry-After"];
}
