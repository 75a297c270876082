// The screenshots of docs/ui.md: each page in a realistic state (something spoken, a channel connected and
// messages waiting, the overlay captioning a message), at 1280×720 and one at phone width. They are saved
// under the test output (screenshots/docs-*.png) like every screenshot; with ISHOWTTS_UI_DOCS=<folder>
// (e.g. docs/ui) they are also copied there:
//   ISHOWTTS_UI_DOCS=$PWD/docs/ui tests/IShowTts.Ui.Tests/bin/Debug/net10.0/IShowTts.Ui.Tests -class 'IShowTts.Ui.Tests.DocumentationScreenshots'
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class DocumentationScreenshots(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    private static async Task SaveAsync(IPage page, string name, bool top = true)
    {
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        if (top) await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, name);
        if (Environment.GetEnvironmentVariable("ISHOWTTS_UI_DOCS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(Screenshots.Directory, name + ".png"), Path.Combine(folder, name + ".png"), overwrite: true);
        }
    }

    private static async Task SpeakAsync(IPage page, string voice, string text)
    {
        int before = await page.Locator("#speak-history > li").CountAsync();
        await page.SelectOptionAsync("#speak-voice", voice);
        await page.FillAsync("#speak-text", text);
        await page.ClickAsync("#speak-submit");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(before + 1);
    }

    [Fact]
    public async Task ScreenshotsOfEveryPage()
    {
        // Speak: two results in the history, the latest in the player.
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await Expect(page.Locator("#speak-nfe")).ToHaveValueAsync("2");
        await SpeakAsync(page, "espeak-zh", "大家好，欢迎来到直播间！");
        await SpeakAsync(page, UiServer.EspeakVoice, "Thanks for the raid, everyone! Grab a snack, the next round starts in two minutes.");
        await SaveAsync(page, "docs-speak");

        // Voices: the list, then the reference editor of the F5 voice.
        await page.GotoAsync("/#voices");
        await Expect(page.Locator($"#voices-table tr[data-voice='{UiServer.F5Voice}']")).ToContainTextAsync("ready");
        await SaveAsync(page, "docs-voices");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit the reference of {UiServer.F5Voice}" }).ClickAsync();
        await Expect(page.Locator("#reference-info")).ToContainTextAsync(UiServer.ReferenceText);
        await page.Locator("#reference-editor").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.getElementById('reference-editor').scrollIntoView({ block: 'start' })");
        await SaveAsync(page, "docs-voices-reference", top: false);

        // Chat: a channel with its voice, one message spoken here, then paused with messages waiting and one filtered.
        await page.GotoAsync("/#chat");
        await page.FillAsync("#chat-channel", "ishowtts_demo");
        await page.SelectOptionAsync("#chat-voice", UiServer.EspeakVoice);
        await page.ClickAsync("#chat-connect-form button[type=submit]");
        await Expect(page.Locator("#chat-channel-list > li")).ToHaveCountAsync(1);
        await page.CheckAsync("#chat-play-here");
        await WaitForAsync(page, "(await import('/js/chat.js')).playerState().connected");
        await Chat.EnqueueAsync(Fixture.Server, "night_owl", "first time here, love the stream!", channel: "ishowtts_demo", color: "#8A2BE2");
        await Expect(page.Locator("#chat-feed > li", new() { HasText = "love the stream" })).ToHaveAttributeAsync("data-state", "Played");
        await page.ClickAsync("#queue-pause");
        await Expect(page.Locator("#chat-paused")).ToBeVisibleAsync();
        await Chat.EnqueueAsync(Fixture.Server, "pixel_pusher", "can you read this one next?", channel: "ishowtts_demo", color: "#FF4500");
        Assert.Null(await Chat.EnqueueAsync(Fixture.Server, "spam_bot", "cheap followers at https://spam.example", channel: "ishowtts_demo"));
        await Chat.EnqueueAsync(Fixture.Server, "quiet_viewer", "gg, that was close", channel: "ishowtts_demo", color: "#2E8B57");
        await Expect(page.Locator("#queue-list > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#chat-feed > li")).ToHaveCountAsync(4);
        await SaveAsync(page, "docs-chat");
        await page.UncheckAsync("#chat-play-here");
        await page.ClickAsync("#queue-clear");
        await page.ClickAsync("#queue-resume");

        // Status: everything ready, figures from the syntheses above.
        await page.GotoAsync("/#status");
        await Expect(page.Locator("#status-metrics")).ToContainTextAsync("Real-time factor (espeak)");
        await Expect(page.Locator("#status-device")).ToContainTextAsync("f5 runs on");
        await SaveAsync(page, "docs-status");

        // Chinese interface.
        await page.GotoAsync("/#speak");
        await page.SelectOptionAsync("#language", "zh-CN");
        await Expect(page.Locator("#tab-speak")).ToHaveTextAsync("朗读");
        await SpeakAsync(page, "espeak-zh", "感谢大家的支持！");
        await SaveAsync(page, "docs-speak-zh-CN");

        // Phone width.
        var phone = await Fixture.NewPageAsync(390, 844);
        await phone.GotoAsync("/#voices");
        await Expect(phone.Locator($"#voices-table tr[data-voice='{UiServer.F5Voice}']")).ToContainTextAsync("ready");
        await SaveAsync(phone, "docs-voices-phone");

        // The overlay, captioning a message (a checkerboard is added for the picture: the page itself is transparent).
        var overlay = await Fixture.NewPageAsync();
        await overlay.GotoAsync("/overlay?position=bottom-left&font=36");
        await Expect(overlay.Locator("body")).ToHaveAttributeAsync("data-connection", "open");
        await overlay.AddStyleTagAsync(new() { Content = "html { background: repeating-conic-gradient(#3b4150 0% 25%, #30343f 0% 50%) 0 0 / 48px 48px !important; }" });
        await Chat.EnqueueAsync(Fixture.Server, "pixel_pusher", "that jump was insane, do it again!", channel: "ishowtts_demo", color: "#FF4500");
        await Expect(overlay.Locator("body")).ToHaveAttributeAsync("data-state", "playing");
        await overlay.WaitForTimeoutAsync(400);   // the caption's fade-in
        await SaveAsync(overlay, "docs-overlay");
        await Expect(overlay.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
        Assert.Empty(Fixture.PageErrors[page]);
        Assert.Empty(Fixture.PageErrors[overlay]);
    }
}
