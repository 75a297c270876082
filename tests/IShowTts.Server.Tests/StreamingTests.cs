// Streaming: /api/tts/stream sends chunked audio as it is made and SSE of base64 PCM; both add up to
// exactly the clip /api/tts returns, and the first audio arrives before the synthesis is finished.
using System.Net;
using System.Text.Json;

namespace IShowTts.Server.Tests;

public sealed class StreamingTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string LongText =
        "Welcome back to the stream, everybody. Today we are going to try the new update and see whether the boss fight is any easier. " +
        "Thanks for all the follows and the subs, chat. Remember to stay hydrated, and be nice to each other in the comments.";

    private TestServer Server => shared.Server;

    [Fact]
    public async Task ChunkedWavStreamEqualsTheWholeClip()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tts/stream") { Content = Wire.Json(new { text = LongText, seed = 11 }) };
        using var response = await Server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked, "a stream is sent with chunked transfer");
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.Contains("X-Time-To-First-Byte-Ms"));
        var wav = Wire.DecodeAudio(await response.Content.ReadAsByteArrayAsync());
        // Streamed first (several chunks); /api/tts then answers the same request, the cross-faded whole.
        Assert.Equal(await WholeClipAsync(LongText, seed: 11), wav.Samples);
    }

    [Fact]
    public async Task FirstAudioArrivesBeforeTheSynthesisIsFinished()
    {
        long before = Server.SamplingSteps;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tts/stream")
        {
            Content = Wire.Json(new { text = LongText, seed = 12, format = "pcm" }),
        };
        using var response = await Server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[2];
        await body.ReadExactlyAsync(first);
        long stepsAtFirstByte = Server.SamplingSteps - before;
        var rest = new MemoryStream();
        await body.CopyToAsync(rest);
        long total = Server.SamplingSteps - before;
        Assert.True(stepsAtFirstByte < total, $"the first bytes came after {stepsAtFirstByte} of {total} sampling steps");
    }

    [Fact]
    public async Task ServerSentEventsCarryBase64PcmThatAddsUpToTheClip()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tts/stream") { Content = Wire.Json(new { text = LongText, seed = 13 }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await Server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = ParseEvents(await response.Content.ReadAsStringAsync());
        Assert.Equal("start", events[0].Name);
        Assert.Equal(TestServer.F5Voice, events[0].Data.GetProperty("voice_id").GetString());
        Assert.Equal("pcm_s16le", events[0].Data.GetProperty("format").GetString());
        Assert.Equal("done", events[^1].Name);
        var audio = events.Where(e => e.Name == "audio").ToList();
        Assert.True(audio.Count > 1, "a long text streams in several chunks");
        var pcm = audio.SelectMany(e => Convert.FromBase64String(e.Data.GetProperty("audio_base64").GetString()!)).ToArray();
        var whole = await WholeClipAsync(LongText, seed: 13);
        Assert.Equal(whole, Wire.Pcm16ToFloat(pcm));
        Assert.Equal(whole.Length, events[^1].Data.GetProperty("waveform_len").GetInt32());
    }

    [Fact]
    public async Task EventSourceRouteTakesTheTextFromTheQueryString()
    {
        var text = await Server.Http.GetStringAsync("api/tts/events?text=Short%20one.&voice_id=streamer&seed=14");
        var events = ParseEvents(text);
        var pcm = events.Where(e => e.Name == "audio").SelectMany(e => Convert.FromBase64String(e.Data.GetProperty("audio_base64").GetString()!)).ToArray();
        Assert.Equal(await WholeClipAsync("Short one.", seed: 14), Wire.Pcm16ToFloat(pcm));
    }

    [Fact]
    public async Task StreamErrorsBeforeTheFirstByteAreProblems()
    {
        var response = await Server.Http.PostJsonAsync("api/tts/stream", new { text = "hi", voice_id = "nobody" });
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:unknown-voice");
        var badFormat = await Server.Http.PostJsonAsync("api/tts/stream", new { text = "hi", format = "midi" });
        await Wire.AssertProblemAsync(badFormat, 400, "urn:ishowtts:problem:unsupported-format");
    }

    /// <summary>/api/tts's clip as 16-bit-rounded floats, the reference the streams must match.</summary>
    private async Task<float[]> WholeClipAsync(string text, int seed)
    {
        var body = await Wire.ReadJsonAsync(await Server.Http.PostJsonAsync("api/tts", new { text, seed }));
        return Wire.DecodeAudio(Convert.FromBase64String(body.GetProperty("audio_base64").GetString()!)).Samples;
    }

    internal static List<(string? Name, JsonElement Data)> ParseEvents(string stream)
    {
        var events = new List<(string?, JsonElement)>();
        foreach (var block in stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }
            if (data is not null) events.Add((name, JsonDocument.Parse(data).RootElement.Clone()));
        }
        return events;
    }
}
