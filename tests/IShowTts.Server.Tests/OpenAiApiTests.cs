// The OpenAI-compatible API used through OpenAI's official .NET client, unchanged: speech in every
// format (each decoded back and checked against the clip /api/tts gives for the same request), SSE
// streaming, the model list; and the shapes clients without the SDK see (mp3 by default, errors).
using System.ClientModel;
using System.Net;
using IShowTts.Audio;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Models;

namespace IShowTts.Server.Tests;

public sealed class OpenAiApiTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Text = "Thanks for the follow!";

    private TestServer Server => shared.Server;

    private OpenAIClientOptions ClientOptions => new() { Endpoint = new Uri(Server.BaseAddress, "v1") };

    private AudioClient Audio(string model = "tts-1") => new(model, new ApiKeyCredential("not-needed-on-loopback"), ClientOptions);

    [Theory]
    [InlineData("wav")]
    [InlineData("pcm")]
    [InlineData("flac")]
    [InlineData("mp3")]
    [InlineData("opus")]
    [InlineData("aac")]
    public async Task OfficialClientGeneratesSpeechInEachFormat(string format)
    {
        if (format == "aac" && !FfmpegInstalled()) Assert.Skip("aac needs ffmpeg (Debian package ffmpeg)");
        var clip = await ReferenceClipAsync();
        BinaryData audio = await Audio().GenerateSpeechAsync(Text, new GeneratedSpeechVoice(TestServer.F5Voice),
            new SpeechGenerationOptions { ResponseFormat = new GeneratedSpeechFormat(format) });
        var bytes = audio.ToArray();
        switch (format)
        {
            case "wav" or "flac":
                Assert.Equal(clip, Wire.DecodeAudio(bytes).Samples);   // lossless: the same 16-bit samples
                break;
            case "pcm":
                Assert.Equal(clip, Wire.Pcm16ToFloat(bytes));
                break;
            case "mp3" or "opus":
                var decoded = Wire.DecodeAudio(bytes);
                var expected = (double)clip.Length / 24000;
                Assert.InRange(decoded.Seconds, expected - 0.01, expected + 0.12);   // mp3 keeps the encoder delay and padding
                var mono = decoded.Mono();
                Assert.InRange(Rms(mono), 0.5 * Rms(clip), 1.5 * Rms(clip));
                break;
            case "aac":
                Assert.True(bytes.Length > 100 && bytes[0] == 0xFF && (bytes[1] & 0xF0) == 0xF0, "an ADTS stream starts with its sync word");
                break;
        }
    }

    [Fact]
    public async Task Mp3IsTheDefaultFormatAsWithOpenAi()
    {
        var response = await Server.Http.PostJsonAsync("v1/audio/speech", new { model = "tts-1", input = Text, voice = TestServer.F5Voice });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(AudioFileFormat.Mp3, AudioDecoder.Sniff(bytes));
    }

    [Fact]
    public async Task OfficialClientStreamsServerSentEvents()
    {
        var clip = await ReferenceClipAsync();
#pragma warning disable OPENAI001 // streaming speech is marked experimental in the SDK
        var stream = await Audio("gpt-4o-mini-tts").GenerateSpeechStreamingAsync(Text, new GeneratedSpeechVoice(TestServer.F5Voice),
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm });
        var pcm = new MemoryStream();
        int deltas = 0;
        SpeechTokenUsage? usage = null;
        await foreach (var update in stream)
        {
            if (update is StreamingSpeechAudioDeltaUpdate delta)
            {
                deltas++;
                pcm.Write(delta.AudioBytes.ToArray());
            }
            else if (update is StreamingSpeechAudioDoneUpdate done) usage = done.Usage;
        }
#pragma warning restore OPENAI001
        Assert.True(deltas > 0);
        Assert.NotNull(usage);
        Assert.Equal(Text.Length, usage.InputTokenCount);
        Assert.Equal(clip, Wire.Pcm16ToFloat(pcm.ToArray()));
    }

    [Fact]
    public async Task OfficialClientListsTheModels()
    {
        var models = (await new OpenAIModelClient(new ApiKeyCredential("x"), ClientOptions).GetModelsAsync()).Value.Select(m => m.Id).ToList();
        Assert.Contains("tts-1", models);
        Assert.Contains("tts-1-hd", models);
        Assert.Contains("f5", models);
        Assert.Contains("espeak", models);
        var one = (await new OpenAIModelClient(new ApiKeyCredential("x"), ClientOptions).GetModelAsync("f5")).Value;
        Assert.Equal("ishowtts", one.OwnedBy);
    }

    [Fact]
    public async Task VoicesRouteListsEveryVoiceTheSpeechRouteTakes()
    {
        var body = await Wire.ReadJsonAsync(await Server.Http.GetAsync("v1/audio/voices"));
        var ids = body.GetProperty("voices").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Equal(Server.Synthesizer.Voices.All.Select(v => v.Id), ids);
    }

    [Fact]
    public async Task EngineModelOnlySpeaksWithThatEnginesVoices()
    {
        var response = await Server.Http.PostJsonAsync("v1/audio/speech", new { model = "espeak", input = Text, voice = TestServer.F5Voice, response_format = "wav" });
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:unknown-voice");
    }

    [Fact]
    public async Task OpenAiVoiceNameSpeaksWithTheDefaultVoiceAndSaysSo()
    {
        var response = await Server.Http.PostJsonAsync("v1/audio/speech", new { model = "tts-1", input = Text, voice = "alloy", response_format = "pcm" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestServer.F5Voice, response.Headers.GetValues("X-Voice-Id").Single());
    }

    [Fact]
    public async Task SpeedChangesTheDuration()
    {
        var normal = await Audio().GenerateSpeechAsync(Text, new GeneratedSpeechVoice(TestServer.F5Voice), new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm });
        var fast = await Audio().GenerateSpeechAsync(Text, new GeneratedSpeechVoice(TestServer.F5Voice),
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm, SpeedRatio = 2f });
        Assert.True(fast.Value.ToArray().Length < 0.7 * normal.Value.ToArray().Length, "speed 2 is clearly shorter");
    }

    [Theory]
    [InlineData("{\"model\":\"tts-1\",\"input\":\"hi\",\"voice\":\"streamer\",\"response_format\":\"midi\"}", 400, "unsupported-format")]
    [InlineData("{\"model\":\"tts-9\",\"input\":\"hi\",\"voice\":\"streamer\"}", 400, "unknown-model")]
    [InlineData("{\"model\":\"tts-1\",\"input\":\"hi\",\"voice\":\"nobody\"}", 400, "unknown-voice")]
    [InlineData("{\"model\":\"tts-1\",\"input\":\"\",\"voice\":\"streamer\"}", 400, "empty-text")]
    [InlineData("{\"model\":\"tts-1\",\"voice\":\"streamer\"}", 400, "invalid-request")]
    [InlineData("{\"model\":\"tts-1\",\"input\":\"hi\",\"voice\":\"streamer\",\"speed\":9}", 400, "bad-parameter")]
    public async Task ErrorsAreProblemsWithOpenAisErrorObjectToo(string body, int status, string slug)
    {
        var response = await Server.Http.PostAsync("v1/audio/speech", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await Wire.AssertProblemAsync(response, status, "urn:ishowtts:problem:" + slug);
        var problem = await Wire.ReadJsonAsync(response);
        var error = problem.GetProperty("error");
        Assert.Equal(slug, error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task OfficialClientGetsTheProblemWithItsStatus()
    {
        var e = await Assert.ThrowsAsync<ClientResultException>(() =>
            Audio().GenerateSpeechAsync(Text, new GeneratedSpeechVoice("nobody"), new SpeechGenerationOptions()));
        Assert.Equal(400, e.Status);
        Assert.Contains("unknown voice 'nobody'", e.GetRawResponse()!.Content.ToString());
        var m = await Assert.ThrowsAsync<ClientResultException>(() => new OpenAIModelClient(new ApiKeyCredential("x"), ClientOptions).GetModelAsync("nope"));
        Assert.Equal(404, m.Status);
        Assert.Contains("there is no model 'nope'", m.GetRawResponse()!.Content.ToString());
    }

    /// <summary>The 16-bit clip /api/tts answers for the same text and voice (the server's default parameters).</summary>
    private async Task<float[]> ReferenceClipAsync()
    {
        var body = await Wire.ReadJsonAsync(await Server.Http.PostJsonAsync("api/tts", new { text = Text, voice_id = TestServer.F5Voice }));
        return Wire.DecodeAudio(Convert.FromBase64String(body.GetProperty("audio_base64").GetString()!)).Samples;
    }

    private static double Rms(float[] x) => Math.Sqrt(x.Sum(v => (double)v * v) / Math.Max(1, x.Length));

    private static bool FfmpegInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "ffmpeg")));
}
