// The Speak section against the real server: espeak speech streamed into the page (played as it
// arrives), the finished clip in the player and as a WAV download, the history labelled with engine and
// voice, and a server problem shown inline.
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class SpeakPageTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task SpeakingWithEspeakPlaysTheClipOffersItAsAWavAndAddsItToTheHistory()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await page.SelectOptionAsync("#speak-engine", "espeak");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FillAsync("#speak-text", "Hello chat, this is the speak page.");
        await page.ClickAsync("#speak-submit");

        await Expect(page.Locator("#speak-form")).ToHaveAttributeAsync("data-first-audio", "true");
        await Expect(page.Locator("#speak-audio")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#speak-history > li").First).ToContainTextAsync("eSpeak English");
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
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task AProblemFromTheServerIsShownInlineWithItsTitleAndDetail()
    {
        var page = await fixture.NewPageAsync();
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
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await page.ClickAsync("#speak-submit");
        await Expect(page.Locator("#speak-error")).ToContainTextAsync("Type some text");
        await Expect(page.Locator("#speak-text")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
