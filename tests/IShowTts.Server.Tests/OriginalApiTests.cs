// The original iShowTTS routes keep their paths and payloads: /api/health, /api/voices, POST /api/tts
// with the original request fields and response, and their errors as problem documents.
using System.Net;
using System.Text.Json;

namespace IShowTts.Server.Tests;

public sealed class OriginalApiTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task HealthReportsVoiceCountAndDefaultVoice()
    {
        var response = await Server.Http.GetAsync("api/health");
        var body = await Wire.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(Server.Synthesizer.Voices.All.Count, body.GetProperty("voices").GetInt32());
        Assert.Equal(TestServer.F5Voice, body.GetProperty("default_voice").GetString());
    }

    [Fact]
    public async Task VoiceListHasTheOriginalFields()
    {
        var voices = (await Wire.ReadJsonAsync(await Server.Http.GetAsync("api/voices"))).EnumerateArray().ToList();
        var streamer = voices.Single(v => v.GetProperty("id").GetString() == TestServer.F5Voice);
        Assert.Equal("f5", streamer.GetProperty("engine").GetString());
        Assert.Equal("F5-TTS", streamer.GetProperty("engine_label").GetString());
        Assert.Equal("en-US", streamer.GetProperty("language").GetString());
        Assert.Equal(TestServer.ReferenceText, streamer.GetProperty("reference_text").GetString());
        Assert.Equal("config", streamer.GetProperty("source").GetString());
        Assert.Contains(voices, v => v.GetProperty("id").GetString() == "espeak-en" && v.GetProperty("source").GetString() == "engine");
    }

    [Fact]
    public async Task TtsAnswersTheOriginalResponseWithTheSynthesizersAudio()
    {
        var response = await Server.Http.PostJsonAsync("api/tts", new { text = "Hello chat.", voice_id = TestServer.F5Voice, nfe_step = 2, seed = 5 });
        var body = await Wire.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Guid.TryParse(body.GetProperty("request_id").GetString(), out _));
        Assert.Equal(body.GetProperty("request_id").GetString(), response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal(TestServer.F5Voice, body.GetProperty("voice_id").GetString());
        Assert.Equal("f5", body.GetProperty("engine").GetString());
        Assert.Equal("F5-TTS", body.GetProperty("engine_label").GetString());
        Assert.Equal("audio/wav", body.GetProperty("format").GetString());
        Assert.Equal(24000, body.GetProperty("sample_rate").GetInt32());
        var wav = Wire.DecodeAudio(Convert.FromBase64String(body.GetProperty("audio_base64").GetString()!));
        Assert.Equal(24000, wav.SampleRate);
        Assert.Equal(body.GetProperty("waveform_len").GetInt32(), wav.Frames);
        // The same request made to the Synthesizer directly gives the same samples (16-bit rounding aside).
        var direct = await Server.Synthesizer.SynthesizeAsync(new Synthesis.SpeechRequest("Hello chat.", TestServer.F5Voice, NfeStep: 2, Seed: 5));
        Assert.Equal(direct.Samples.Length, wav.Frames);
        for (int i = 0; i < wav.Frames; i++) Assert.True(Math.Abs(direct.Samples[i] - wav.Samples[i]) <= 1.0 / 32768 + 1e-6, $"sample {i}");
        Assert.True(double.Parse(response.Headers.GetValues("X-Time-To-First-Byte-Ms").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }

    [Fact]
    public async Task EspeakVoiceSpeaksThroughTheOriginalRoute()
    {
        TestServer.RequireEspeak();
        var body = await Wire.ReadJsonAsync(await Server.Http.PostJsonAsync("api/tts", new { text = "Hello from espeak.", voice_id = "espeak-en" }));
        Assert.Equal("espeak", body.GetProperty("engine").GetString());
        var wav = Wire.DecodeAudio(Convert.FromBase64String(body.GetProperty("audio_base64").GetString()!));
        Assert.True(wav.Seconds > 0.5, $"espeak said 'Hello from espeak.' in {wav.Seconds:0.00} s");
    }

    [Theory]
    [InlineData("", "urn:ishowtts:problem:empty-text")]
    [InlineData("   ", "urn:ishowtts:problem:empty-text")]
    public async Task EmptyTextIsA400WithTheOriginalMessage(string text, string type)
    {
        var response = await Server.Http.PostJsonAsync("api/tts", new { text });
        await Wire.AssertProblemAsync(response, 400, type);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("text must not be empty", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownVoiceIsA400ListingTheKnownVoices()
    {
        var response = await Server.Http.PostJsonAsync("api/tts", new { text = "hi", voice_id = "nobody" });
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:unknown-voice");
        var problem = await Wire.ReadJsonAsync(response);
        Assert.Contains(TestServer.F5Voice, problem.GetProperty("known_voices").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task VoiceOfAnotherEngineIsRefused()
    {
        var response = await Server.Http.PostJsonAsync("api/tts", new { text = "hi", voice_id = TestServer.F5Voice, engine = "espeak" });
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:unknown-voice");
    }

    [Fact]
    public async Task TextOverTheLimitIsRefusedBeforeAnyWork()
    {
        long steps = Server.SamplingSteps;
        var response = await Server.Http.PostJsonAsync("api/tts", new { text = new string('a', Server.Options.MaxTextChars + 1) });
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:text-too-long");
        Assert.Equal(steps, Server.SamplingSteps);
    }

    [Fact]
    public async Task OutOfRangeParameterNamesTheField()
    {
        var response = await Server.Http.PostJsonAsync("api/tts", new { text = "hi", nfe_step = 0 });
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:bad-parameter");
        Assert.Contains("nfe_step", (await Wire.ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MalformedJsonIsAnInvalidRequestProblem()
    {
        var response = await Server.Http.PostAsync("api/tts", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:invalid-request");
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem()
    {
        var response = await Server.Http.PostAsync("api/tts", new StringContent("text=hi", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await Wire.AssertProblemAsync(response, 415, "urn:ishowtts:problem:unsupported-media-type");
    }

    [Fact]
    public async Task UnknownRouteIsANotFoundProblem()
    {
        var response = await Server.Http.GetAsync("api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Wire.ReadProblemAsync(response);
        Assert.Equal("urn:ishowtts:problem:not-found", problem.GetProperty("type").GetString());
    }
}
