// The Speak section against the real server: espeak speech streamed into the page (played as it
// arrives, before the stream has ended), the finished clip in the player and as a WAV download, the
// history labelled with engine and voice (replay, download), the linked engine/voice selectors, the
// NFE/speed/seed fields starting from the configured defaults, and a server problem shown inline.
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class SpeakPageTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    [Fact]
    public async Task SpeakingWithEspeakPlaysTheClipOffersItAsAWavAndAddsItToTheHistory()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await page.SelectOptionAsync("#speak-engine", "espeak");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FillAsync("#speak-text", "Hello chat, this is the speak page.");
        await page.ClickAsync("#speak-submit");

        await Expect(page.Locator("#speak-form")).ToHaveAttributeAsync("data-first-audio", "true");
        await Expect(page.Locator("#speak-audio")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#speak-history > li").First).ToContainTextAsync("eSpeak English (espeak-en)");      // the voice
        await Expect(page.Locator("#speak-history > li").First).ToContainTextAsync("eSpeak NG (system voice)");        // the engine
        await Expect(page.Locator("#speak-history > li").First).ToHaveAttributeAsync("data-engine", "espeak");
        await Expect(page.Locator("#speak-error")).ToBeEmptyAsync();

        var playable = await page.EvalOnSelectorAsync<double>("#speak-audio",
            "a => new Promise(r => { if (a.readyState >= 1) r(a.duration); else a.onloadedmetadata = () => r(a.duration); })");
        Assert.True(playable > 0.3, $"the result audio is {playable} s long");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#speak-download"));
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000, $"the download has {bytes.Length} bytes");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.EndsWith(".wav", download.SuggestedFilename);

        await page.FillAsync("#speak-text", "A second line for the history.");
        await page.ClickAsync("#speak-submit");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#speak-history > li").First).ToContainTextAsync("A second line");
        await Screenshots.SaveAsync(page, "speak-1280x720");

        // The older result: Replay puts it back into the player and plays it; Download saves it.
        var older = page.Locator("#speak-history > li").Nth(1);
        var olderUrl = await older.GetByRole(AriaRole.Link, new() { Name = "Download result 2" }).GetAttributeAsync("href");
        await older.GetByRole(AriaRole.Button, new() { Name = "Replay result 2" }).ClickAsync();
        await Expect(page.Locator("#speak-audio")).ToHaveAttributeAsync("src", olderUrl!);
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('#speak-audio'); return !a.paused || a.ended; }");
        var saved = await page.RunAndWaitForDownloadAsync(() => older.GetByRole(AriaRole.Link, new() { Name = "Download result 2" }).ClickAsync());
        var wav = await File.ReadAllBytesAsync(await saved.PathAsync());
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Matches(@"^ishowtts-espeak-en-.*\.wav$", saved.SuggestedFilename);

        await page.ClickAsync("#history-clear");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#history-empty")).ToBeVisibleAsync();
        Assert.Empty(Fixture.PageErrors[page]);
    }

    // Holds back everything after the first audio event of /api/tts/stream until window.releaseStream():
    // the page must play that first chunk while the rest of the answer has not arrived.
    private const string HoldStreamAfterFirstAudio = """
        (() => {
          const realFetch = window.fetch;
          window.fetch = async (input, init) => {
            const response = await realFetch(input, init);
            if (!String(input).includes('/api/tts/stream') || !response.ok) return response;
            const text = await response.text();
            const audio = text.indexOf('event: audio');
            const gap = /\r?\n\r?\n/g;
            gap.lastIndex = audio;
            const end = gap.exec(text).index + 2;
            let release;
            const held = new Promise(r => { release = r; });
            window.releaseStream = () => release();
            const bytes = s => new TextEncoder().encode(s);
            const body = new ReadableStream({ async start(c) { c.enqueue(bytes(text.slice(0, end))); await held; c.enqueue(bytes(text.slice(end))); c.close(); } });
            return new Response(body, { status: response.status, headers: response.headers });
          };
        })();
        """;

    [Fact]
    public async Task PlaybackStartsWithTheFirstAudioBeforeTheStreamHasEnded()
    {
        var page = await Fixture.NewPageAsync();
        await page.AddInitScriptAsync(HoldStreamAfterFirstAudio);
        await page.GotoAsync("/#speak");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FillAsync("#speak-text", "The first chunk plays while the rest is still on its way.");
        await page.ClickAsync("#speak-submit");

        // First audio in, stream still open: the player has scheduled it and the page says it is playing.
        await Expect(page.Locator("#speak-form")).ToHaveAttributeAsync("data-first-audio", "true");
        await Expect(page.Locator("#speak-progress")).ToContainTextAsync("Playing");
        await Expect(page.Locator("#speak-stop")).ToBeEnabledAsync();
        await WaitForAsync(page, "(await import('/js/speak.js')).speakState().playing");   // scheduled on a running audio clock
        var state = await page.EvaluateAsync<JsonElement>("async () => (await import('/js/speak.js')).speakState()");
        Assert.True(state.GetProperty("busy").GetBoolean(), $"the request should still be running: {state}");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(0);

        await page.EvaluateAsync("() => window.releaseStream()");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#speak-stop")).ToBeDisabledAsync();
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task TheEngineNarrowsTheVoicesAndTheTuningFieldsStartFromTheConfiguredDefaults()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");

        // UiServer configures NFE 2; speed 1 and seed 0 are the built-in defaults.
        await Expect(page.Locator("#speak-nfe")).ToHaveValueAsync("2");
        await Expect(page.Locator("#speak-speed")).ToHaveValueAsync("1");
        await Expect(page.Locator("#speak-seed")).ToHaveValueAsync("0");
        await Expect(page.Locator("#speak-defaults-hint")).ToContainTextAsync("NFE 2");

        async Task<string[]> VoiceEngines() => await page.EvalOnSelectorAllAsync<string[]>("#speak-voice option", "os => os.map(o => o.dataset.engine)");
        await page.SelectOptionAsync("#speak-engine", "espeak");
        Assert.All(await VoiceEngines(), e => Assert.Equal("espeak", e));
        Assert.Contains(UiServer.EspeakVoice, await page.EvalOnSelectorAllAsync<string[]>("#speak-voice option", "os => os.map(o => o.value)"));
        await page.SelectOptionAsync("#speak-engine", "f5");
        Assert.Equal(["f5"], await VoiceEngines());
        await Expect(page.Locator("#speak-voice")).ToHaveValueAsync(UiServer.F5Voice);
        await page.SelectOptionAsync("#speak-engine", "");
        Assert.Equal(3, (await VoiceEngines()).Length);

        // A changed field is sent as it is; Reset to defaults puts the configured values back.
        await page.FillAsync("#speak-nfe", "5");
        await page.FillAsync("#speak-seed", "42");
        await page.ClickAsync("#speak-reset-defaults");
        await Expect(page.Locator("#speak-nfe")).ToHaveValueAsync("2");
        await Expect(page.Locator("#speak-seed")).ToHaveValueAsync("0");
        await page.FillAsync("#speak-seed", "42");
        await page.SelectOptionAsync("#speak-engine", "espeak");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FillAsync("#speak-text", "Seeded.");
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#speak-submit"), "**/api/tts/stream");
        var body = JsonDocument.Parse(request.PostData!).RootElement;
        Assert.Equal(2, body.GetProperty("nfe_step").GetInt32());
        Assert.Equal(1.0, body.GetProperty("speed").GetDouble());
        Assert.Equal(42, body.GetProperty("seed").GetInt32());
        Assert.Equal("espeak", body.GetProperty("engine").GetString());
        Assert.Equal(UiServer.EspeakVoice, body.GetProperty("voice_id").GetString());
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task AProblemFromTheServerIsShownInlineWithItsTitleAndDetail()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FillAsync("#speak-text", "Too many steps.");
        await page.FillAsync("#speak-speed", "9");
        await page.ClickAsync("#speak-submit");

        var error = page.Locator("#speak-error");
        await Expect(error).ToContainTextAsync("speed");
        Assert.Equal("alert", await error.GetAttributeAsync("role"));
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EmptyTextIsRefusedBeforeAnyRequest()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await page.ClickAsync("#speak-submit");
        await Expect(page.Locator("#speak-error")).ToContainTextAsync("Type some text");
        await Expect(page.Locator("#speak-text")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
