// `ishowtts serve` on a fresh machine: no model weights (and no network to fetch them). The server still
// starts, says F5 is not ready and how to get it, refuses F5 voices with that reason, and speaks with
// espeak through /api/tts and /v1/audio/speech.
using System.Net;
using IShowTts.Engine;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Tests;

public sealed class FreshMachineTests
{
    [Fact]
    public async Task NoWeightsMeansF5NotReadyWithInstructionsAndEspeakSpeaks()
    {
        TestServer.RequireEspeak();
        var emptyModelDir = Directory.CreateTempSubdirectory("ishowtts-no-model-").FullName;
        var f5 = new F5Engine(() => F5Tts.Load(ModelFiles.Resolve(emptyModelDir), new CpuBackend()), Vocabulary.Default, null);
        var catalog = new VoiceCatalog();
        catalog.Load([new Voice("streamer", "f5", "en-US", TestServer.ReferenceWav, TestServer.ReferenceText)]);
        var synthesizer = new Synthesizer([f5, new EspeakEngine()], catalog, new SynthesizerOptions("streamer"));
        await synthesizer.WarmUpAsync();

        await using var server = await TestServer.StartAsync(synthesizer: synthesizer);

        var ready = await Wire.ReadJsonAsync(await server.Http.GetAsync("ready"));
        Assert.Equal("degraded", ready.GetProperty("status").GetString());
        var f5State = ready.GetProperty("engines").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "f5");
        Assert.False(f5State.GetProperty("ready").GetBoolean());
        Assert.Contains(emptyModelDir, f5State.GetProperty("reason").GetString());
        Assert.Contains("ishowtts download", f5State.GetProperty("hint").GetString());
        Assert.Contains(server.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("F5-TTS is not ready") && l.Text.Contains("ishowtts download"));

        var f5Request = await server.Http.PostJsonAsync("api/tts", new { text = "Hello chat." });
        await Wire.AssertProblemAsync(f5Request, 503, "urn:ishowtts:problem:engine-not-ready");
        Assert.Contains("ishowtts download", (await Wire.ReadJsonAsync(f5Request)).GetProperty("detail").GetString());

        var original = await Wire.ReadJsonAsync(await server.Http.PostJsonAsync("api/tts", new { text = "Hello chat.", voice_id = "espeak-en" }));
        Assert.Equal("espeak", original.GetProperty("engine").GetString());
        Assert.True(Wire.DecodeAudio(Convert.FromBase64String(original.GetProperty("audio_base64").GetString()!)).Seconds > 0.3);

        var openAi = await server.Http.PostJsonAsync("v1/audio/speech", new { model = "espeak", input = "Hello chat.", voice = "alloy" });
        Assert.Equal(HttpStatusCode.OK, openAi.StatusCode);
        Assert.Equal("espeak-en", openAi.Headers.GetValues("X-Voice-Id").Single());
        Assert.True(Wire.DecodeAudio(await openAi.Content.ReadAsByteArrayAsync()).Seconds > 0.3);
    }
}
