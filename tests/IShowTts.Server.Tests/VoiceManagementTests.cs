// Voice changes through the API: reference overrides (set, reset, download) and whole voices added and
// removed by upload, each validated, persisted under the data directory and still there after a restart.
using System.Net;
using System.Text.Json;

namespace IShowTts.Server.Tests;

public sealed class VoiceManagementTests
{
    private const string NewTranscript = "A brand new reference transcript.";

    [Fact]
    public async Task OverrideSurvivesRestart()
    {
        var options = TestServer.DefaultOptions();
        var clip = TestAudio.Short();
        await using (var server = await TestServer.StartAsync(options))
        {
            var response = await server.Http.PostAsync($"api/voices/{TestServer.F5Voice}/reference", TestAudio.Form(("text", NewTranscript), ("audio", clip)));
            var body = await Wire.ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(NewTranscript, body.GetProperty("active_reference_text").GetString());
            Assert.Equal(TestServer.ReferenceText, body.GetProperty("baseline_reference_text").GetString());
            Assert.True(body.GetProperty("override_audio_available").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, (await server.Http.PostJsonAsync("api/tts", new { text = "Speak with the new reference." })).StatusCode);
        }
        await using (var restarted = await TestServer.StartAsync(options))
        {
            var body = await Wire.ReadJsonAsync(await restarted.Http.GetAsync($"api/voices/{TestServer.F5Voice}/reference"));
            Assert.Equal(NewTranscript, body.GetProperty("active_reference_text").GetString());
            Assert.Equal(NewTranscript, body.GetProperty("override_reference_text").GetString());
            Assert.True(body.GetProperty("override_updated_at").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
            Assert.True(restarted.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice));
            Assert.StartsWith(options.DataDirectory, voice.ReferenceAudio);
            Assert.Equal(clip, await File.ReadAllBytesAsync(voice.ReferenceAudio!));
            var download = await restarted.Http.GetAsync($"api/voices/{TestServer.F5Voice}/reference/audio?source=override");
            Assert.Equal("override", download.Headers.GetValues("X-Voice-Reference-Source").Single());
            Assert.Equal(clip, await download.Content.ReadAsByteArrayAsync());
        }
        Assert.Empty(Directory.GetFiles(options.DataDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ResetGoesBackToTheBaselineAndStaysThere()
    {
        var options = TestServer.DefaultOptions();
        await using (var server = await TestServer.StartAsync(options))
        {
            await server.Http.PostAsync($"api/voices/{TestServer.F5Voice}/reference", TestAudio.Form(("text", NewTranscript), ("audio", TestAudio.Short())));
            var response = await server.Http.DeleteAsync($"api/voices/{TestServer.F5Voice}/reference");
            var body = await Wire.ReadJsonAsync(response);
            Assert.Equal(TestServer.ReferenceText, body.GetProperty("active_reference_text").GetString());
            Assert.False(body.GetProperty("override_audio_available").GetBoolean());
            Assert.False(body.TryGetProperty("override_reference_text", out _));
            server.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice);
            Assert.Equal(TestServer.ReferenceWav, voice.ReferenceAudio);
        }
        await using (var restarted = await TestServer.StartAsync(options))
        {
            restarted.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice);
            Assert.Equal(TestServer.ReferenceText, voice.ReferenceText);
            Assert.Empty(Directory.GetFiles(Path.Combine(options.DataDirectory, "voices", "overrides"), "*.wav", SearchOption.AllDirectories));
        }
    }

    [Fact]
    public async Task TranscriptOnlyOverrideKeepsTheBaselineAudio()
    {
        await using var server = await TestServer.StartAsync();
        var body = await Wire.ReadJsonAsync(await server.Http.PostAsync($"api/voices/{TestServer.F5Voice}/reference", TestAudio.Form(("text", NewTranscript))));
        Assert.Equal(NewTranscript, body.GetProperty("active_reference_text").GetString());
        Assert.False(body.GetProperty("override_audio_available").GetBoolean());
        server.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice);
        Assert.Equal(TestServer.ReferenceWav, voice.ReferenceAudio);
        var baseline = await server.Http.GetAsync($"api/voices/{TestServer.F5Voice}/reference/audio?source=baseline");
        Assert.Equal(await File.ReadAllBytesAsync(TestServer.ReferenceWav), await baseline.Content.ReadAsByteArrayAsync());
        await Wire.AssertProblemAsync(await server.Http.GetAsync($"api/voices/{TestServer.F5Voice}/reference/audio?source=override"), 404,
            "urn:ishowtts:problem:no-override");
    }

    [Fact]
    public async Task NewAudioWithoutItsTranscriptIsRefused()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Http.PostAsync($"api/voices/{TestServer.F5Voice}/reference", TestAudio.Form(("audio", TestAudio.Short())));
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:reference-text-required");
        Assert.False(Directory.Exists(Path.Combine(server.Options.DataDirectory, "voices")));
    }

    [Fact]
    public async Task UploadThatIsNotAudioIsRefusedWhateverItsName()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Http.PostAsync($"api/voices/{TestServer.F5Voice}/reference",
            TestAudio.Form(("text", NewTranscript), ("audio", "<html>not audio</html>"u8.ToArray())));
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:bad-audio");
        Assert.Contains("audio.wav", (await Wire.ReadJsonAsync(response)).GetProperty("detail").GetString());
        server.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice);
        Assert.Equal(TestServer.ReferenceWav, voice.ReferenceAudio);
    }

    [Fact]
    public async Task ReferenceOverTwelveSecondsIsRefusedUnlessTheTranscriptIsOfTheKeptPart()
    {
        await using var server = await TestServer.StartAsync();
        var url = $"api/voices/{TestServer.F5Voice}/reference";
        var refused = await server.Http.PostAsync(url, TestAudio.Form(("text", NewTranscript), ("audio", TestAudio.Long(16))));
        await Wire.AssertProblemAsync(refused, 422, "urn:ishowtts:problem:reference-clipped");
        var problem = await Wire.ReadJsonAsync(refused);
        double kept = problem.GetProperty("kept_seconds").GetDouble();
        Assert.InRange(kept, 1, 12.1);
        Assert.Contains("12 s", problem.GetProperty("detail").GetString());

        var accepted = await server.Http.PostAsync(url, TestAudio.Form(("text", NewTranscript), ("audio", TestAudio.Long(16)), ("accept_clipping", "true")));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        server.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice);
        var stored = IShowTts.Audio.AudioDecoder.Decode(voice.ReferenceAudio!);
        Assert.InRange(stored.Seconds, kept - 0.01, kept + 0.01);   // only the kept part is stored, matching its transcript
    }

    [Fact]
    public async Task UploadAndDurationLimitsAreEnforced()
    {
        var options = TestServer.DefaultOptions() with { MaxUploadBytes = 100_000, MaxAudioSeconds = 2 };
        await using var server = await TestServer.StartAsync(options);
        var url = $"api/voices/{TestServer.F5Voice}/reference";
        await Wire.AssertProblemAsync(await server.Http.PostAsync(url, TestAudio.Form(("text", NewTranscript), ("audio", TestAudio.Short()))), 413,
            "urn:ishowtts:problem:upload-too-large");
        await Wire.AssertProblemAsync(await server.Http.PostAsync(url, TestAudio.Form(("text", NewTranscript), ("audio", TestAudio.LowRate(4)))), 400,
            "urn:ishowtts:problem:audio-too-long");
    }

    [Fact]
    public async Task AddedVoiceSpeaksKeepsItsConsentNoteAndSurvivesRestart()
    {
        var options = TestServer.DefaultOptions();
        await using (var server = await TestServer.StartAsync(options))
        {
            var response = await server.Http.PostAsync("api/voices", TestAudio.Form(("id", "guest"), ("audio", TestAudio.Short()), ("text", NewTranscript),
                ("label", "Guest"), ("owner", "Alex"), ("consent_note", "Alex agreed on stream, 2025-01-05")));
            var body = await Wire.ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("/api/voices/guest", response.Headers.Location?.OriginalString);
            var voice = body.GetProperty("voice");
            Assert.Equal("api", voice.GetProperty("source").GetString());
            Assert.Equal("Alex", voice.GetProperty("owner").GetString());
            var tts = await server.Http.PostJsonAsync("api/tts", new { text = "A guest speaks.", voice_id = "guest" });
            Assert.Equal("guest", (await Wire.ReadJsonAsync(tts)).GetProperty("voice_id").GetString());
        }
        await using (var restarted = await TestServer.StartAsync(options))
        {
            var voice = await Wire.ReadJsonAsync(await restarted.Http.GetAsync("api/voices/guest"));
            Assert.Equal("Alex agreed on stream, 2025-01-05", voice.GetProperty("consent_note").GetString());
            Assert.Equal(NewTranscript, voice.GetProperty("reference_text").GetString());
            Assert.Equal(HttpStatusCode.NoContent, (await restarted.Http.DeleteAsync("api/voices/guest")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.Http.GetAsync("api/voices/guest")).StatusCode);
        }
        await using (var again = await TestServer.StartAsync(options))
        {
            Assert.False(again.Synthesizer.Voices.TryGet("guest", out _));
            Assert.Empty(Directory.GetFiles(Path.Combine(options.DataDirectory, "voices", "added", "audio")));
        }
    }

    [Fact]
    public async Task EspeakVoiceIsAddedWithoutAudio()
    {
        TestServer.RequireEspeak();
        await using var server = await TestServer.StartAsync();
        var response = await server.Http.PostAsync("api/voices", TestAudio.Form(("id", "robot-fr"), ("engine", "espeak"), ("espeak_voice", "fr"), ("language", "fr-FR")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tts = await server.Http.PostJsonAsync("api/tts", new { text = "Bonjour.", voice_id = "robot-fr" });
        Assert.Equal("espeak", (await Wire.ReadJsonAsync(tts)).GetProperty("engine").GetString());
        await Wire.AssertProblemAsync(await server.Http.PostAsync("api/voices/robot-fr/reference", TestAudio.Form(("text", "x"))), 409,
            "urn:ishowtts:problem:no-reference");
    }

    [Fact]
    public async Task VoiceIdsAreValidatedAndConflictsRefused()
    {
        await using var server = await TestServer.StartAsync();
        await Wire.AssertProblemAsync(await server.Http.PostAsync("api/voices", TestAudio.Form(("id", TestServer.F5Voice), ("audio", TestAudio.Short()), ("text", "x"))),
            409, "urn:ishowtts:problem:voice-exists");
        await Wire.AssertProblemAsync(await server.Http.PostAsync("api/voices", TestAudio.Form(("id", "../../etc/passwd"), ("audio", TestAudio.Short()), ("text", "x"))),
            400, "urn:ishowtts:problem:invalid-voice-id");
        await Wire.AssertProblemAsync(await server.Http.GetAsync("api/voices/.hidden/reference"), 400, "urn:ishowtts:problem:invalid-voice-id");
        await Wire.AssertProblemAsync(await server.Http.GetAsync("api/voices/..%2F..%2Fetc/reference"), 400, "urn:ishowtts:problem:invalid-voice-id");
        await Wire.AssertProblemAsync(await server.Http.GetAsync("api/voices/nobody/reference"), 404, "urn:ishowtts:problem:unknown-voice");
        await Wire.AssertProblemAsync(await server.Http.DeleteAsync($"api/voices/{TestServer.F5Voice}"), 409, "urn:ishowtts:problem:voice-not-removable");
        await Wire.AssertProblemAsync(await server.Http.PostAsync("api/voices", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")),
            415, "urn:ishowtts:problem:unsupported-media-type");
    }
}
