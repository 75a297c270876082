// The Status section: each engine's readiness from GET /ready (with the download instructions when the
// F5 model is missing), and the synthesis figures from GET /metrics once something has been spoken.
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class StatusPageTests(MissingModelFixture fixture) : IClassFixture<MissingModelFixture>
{
    [Fact]
    public async Task AnEngineWithoutItsModelIsNotReadyAndSaysHowToDownloadIt()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#status");
        await Expect(page.Locator("#status-overall-badge")).ToContainTextAsync("degraded");
        var f5 = page.Locator("#status-engines > li[data-engine='f5']");
        await Expect(f5).ToHaveAttributeAsync("data-ready", "false");
        await Expect(f5).ToContainTextAsync("does not exist");
        await Expect(f5).ToContainTextAsync("ishowtts download");
        await Expect(page.Locator("#status-engines > li[data-engine='espeak']")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#status-device")).ToContainTextAsync("CPU");
    }

    [Fact]
    public async Task SynthesisFiguresAppearAfterSomethingWasSpoken()
    {
        using (var response = await fixture.Server.Http.PostAsync("api/tts",
            new StringContent("""{"text":"Measure me.","voice_id":"espeak-en"}""", System.Text.Encoding.UTF8, "application/json")))
            Assert.True(response.IsSuccessStatusCode);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#status");
        var metrics = page.Locator("#status-metrics");
        await Expect(metrics).ToContainTextAsync("Real-time factor (espeak)");
        await Expect(metrics).ToContainTextAsync("Time to first audio (espeak)");
        await Expect(metrics).ToContainTextAsync("Synthesis queue");
        await Expect(metrics).ToContainTextAsync("Chat");
        await Screenshots.SaveAsync(page, "status-1280x720", fullPage: true);
    }
}
