// The Status section: each engine's readiness from GET /ready (with the download instructions when the
// F5 model is missing), the machine and each engine's device (GET /api/ui/device), and the synthesis
// figures from GET /metrics once something has been spoken.
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class StatusPageTests(MissingModelFixture fixture) : UiTest(fixture), IClassFixture<MissingModelFixture>
{
    [Fact]
    public async Task AnEngineWithoutItsModelIsNotReadyAndSaysHowToDownloadIt()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#status");
        await Expect(page.Locator("#status-overall-badge")).ToContainTextAsync("degraded");
        var f5 = page.Locator("#status-engines > li[data-engine='f5']");
        await Expect(f5).ToHaveAttributeAsync("data-ready", "false");
        await Expect(f5).ToContainTextAsync("does not exist");
        await Expect(f5).ToContainTextAsync("ishowtts download");
        await Expect(page.Locator("#status-engines > li[data-engine='espeak']")).ToHaveAttributeAsync("data-ready", "true");
        var device = page.Locator("#status-device");
        await Expect(device).ToContainTextAsync(CpuModel());
        await Expect(device).ToContainTextAsync($"{Environment.ProcessorCount} logical cores");
        await Expect(device).ToContainTextAsync("no model loaded");
    }

    /// <summary>The CPU model as /proc/cpuinfo names it (what the page must show).</summary>
    internal static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim() is "model name" or "Model")?[1].Trim()
        ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();

    [Fact]
    public async Task SynthesisFiguresAppearAfterSomethingWasSpoken()
    {
        using (var response = await Fixture.Server.Http.PostAsync("api/tts",
            new StringContent("""{"text":"Measure me.","voice_id":"espeak-en"}""", System.Text.Encoding.UTF8, "application/json")))
            Assert.True(response.IsSuccessStatusCode);
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#status");
        var metrics = page.Locator("#status-metrics");
        await Expect(metrics).ToContainTextAsync("Real-time factor (espeak)");
        await Expect(metrics).ToContainTextAsync("Time to first audio (espeak)");
        await Expect(metrics).ToContainTextAsync("Synthesis queue");
        await Expect(metrics).ToContainTextAsync("Chat");
        await Screenshots.SaveAsync(page, "status-1280x720", fullPage: true);
    }
}

/// <summary>With F5 loaded (on the CPU here): the page names the device each engine runs on.</summary>
public sealed class StatusWithModelTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    [Fact]
    public async Task TheDeviceOfEachLoadedEngineIsNamed()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#status");
        await Expect(page.Locator("#status-overall-badge")).ToHaveTextAsync("ready");
        var f5 = page.Locator("#status-device dt", new() { HasText = "f5 runs on" });
        await Expect(f5).ToHaveCountAsync(1);
        var name = page.Locator("#status-device dd [data-kind='cpu']");
        await Expect(name).ToContainTextAsync($"CPU ({Environment.ProcessorCount} cores)");
        await Expect(page.Locator("#status-device")).ToContainTextAsync(StatusPageTests.CpuModel());
        await Expect(page.Locator("#status-device")).ToContainTextAsync("Server process memory");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task TheUiRoutesAreInTheOpenApiDocument()
    {
        var doc = await Fixture.Server.Http.GetStringAsync("openapi/v1.json");
        Assert.Contains("\"/api/ui/defaults\"", doc);
        Assert.Contains("\"/api/ui/device\"", doc);
        var defaults = await Chat.GetAsync(Fixture.Server, "api/ui/defaults");
        Assert.Equal(2, defaults.GetProperty("nfe_step").GetInt32());
        Assert.Equal(UiServer.F5Voice, defaults.GetProperty("default_voice").GetString());
    }
}
