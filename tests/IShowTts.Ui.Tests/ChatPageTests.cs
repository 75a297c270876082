// The Chat section against the real chat routes: connecting and disconnecting a channel with its voice,
// the live feed marking messages queued / filtered (with the reason) / spoken, the queue controls
// (pause, remove, resume, clear) and saving the filter settings.
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class ChatPageTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task AChannelIsConnectedWithItsVoiceAndDisconnected()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await page.SelectOptionAsync("#chat-platform", "Twitch");
        await page.FillAsync("#chat-channel", "#UiTestChannel");
        await page.SelectOptionAsync("#chat-voice", UiServer.EspeakVoice);
        await page.ClickAsync("#chat-connect-form button[type=submit]");

        var channel = page.Locator("#chat-channel-list > li");
        await Expect(channel).ToHaveCountAsync(1);
        await Expect(channel).ToContainTextAsync(UiServer.EspeakVoice);
        var status = await Chat.GetAsync(fixture.Server, "api/danmaku/status");
        var listed = Assert.Single(status.GetProperty("channels").EnumerateArray());
        Assert.Equal(UiServer.EspeakVoice, listed.GetProperty("voice_id").GetString());

        await channel.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(channel).ToHaveCountAsync(0);
        status = await Chat.GetAsync(fixture.Server, "api/danmaku/status");
        Assert.Empty(status.GetProperty("channels").EnumerateArray());

        await page.ClickAsync("#chat-connect-form button[type=submit]");
        await Expect(page.Locator("#chat-channel")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task TheFeedAndQueueFollowMessagesAndTheControlsChangeTheQueue()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await Expect(page.Locator("#feed-state")).ToHaveTextAsync("Live.");
        await page.ClickAsync("#queue-pause");
        await Expect(page.Locator("#chat-paused")).ToBeVisibleAsync();

        var held = await Chat.EnqueueAsync(fixture.Server, "erin", "held while paused", color: "#2E8B57");
        var removed = await Chat.EnqueueAsync(fixture.Server, "frank", "removed from the queue");
        Assert.Null(await Chat.EnqueueAsync(fixture.Server, "spammer", "buy followers at https://spam.example"));

        await Expect(page.Locator($"#queue-list > li[data-id='{held}']")).ToContainTextAsync("held while paused");
        await Expect(page.Locator($"#queue-list > li[data-id='{removed}']")).ToBeVisibleAsync();
        var filtered = page.Locator("#chat-feed > li", new() { HasText = "buy followers" });
        await Expect(filtered.Locator(".badge")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^filtered \(\w+"));   // with the reason
        await Expect(page.Locator("#chat-feed > li", new() { HasText = "held while paused" }).Locator(".badge")).ToHaveTextAsync("queued");
        await Screenshots.SaveAsync(page, "chat-1280x720", fullPage: true);

        await page.Locator($"#queue-list > li[data-id='{removed}']").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator($"#queue-list > li[data-id='{removed}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#chat-feed > li", new() { HasText = "removed from the queue" }).Locator(".badge")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^removed"));

        await page.ClickAsync("#queue-clear");
        await Expect(page.Locator("#queue-list > li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#queue-empty")).ToBeVisibleAsync();
        await page.ClickAsync("#queue-resume");
        await Expect(page.Locator("#chat-paused")).ToBeHiddenAsync();
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task PlayingOnThePageSpeaksTheQueueAndMarksMessagesSpoken()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await page.CheckAsync("#chat-play-here");
        await Chat.WaitUntilAsync(async () =>
            (await Chat.GetAsync(fixture.Server, "api/danmaku/status")).GetProperty("statistics").GetProperty("players").GetInt32() > 0,
            "the page's player is connected");
        await Chat.EnqueueAsync(fixture.Server, "gina", "spoken on the panel");
        var row = page.Locator("#chat-feed > li", new() { HasText = "spoken on the panel" });
        await Expect(row).ToHaveAttributeAsync("data-state", "Played");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("spoken");
        await Expect(page.Locator("#chat-now-playing")).ToHaveTextAsync("Waiting for chat…");
        Assert.Equal("true", await page.EvaluateAsync<string>("() => localStorage.getItem('ishowtts.chat.playHere')"));
        await page.UncheckAsync("#chat-play-here");
    }

    [Fact]
    public async Task FilterSettingsAreSavedToTheServer()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await Expect(page.Locator("#filter-max-words")).ToHaveValueAsync("77");
        await page.FillAsync("#filter-max-words", "20");
        await page.FillAsync("#filter-banned", "badword\nworseword");
        await page.CheckAsync("#filter-allow-links");
        await page.ClickAsync("#filter-form button[type=submit]");
        await Expect(page.Locator("#filter-saved")).ToHaveTextAsync("Filters saved.");

        var filter = await Chat.GetAsync(fixture.Server, "api/danmaku/filter");
        Assert.Equal(20, filter.GetProperty("max_words").GetInt32());
        Assert.True(filter.GetProperty("allow_links").GetBoolean());
        Assert.Equal(["badword", "worseword"], filter.GetProperty("banned_keywords").EnumerateArray().Select(e => e.GetString()).ToArray());

        await page.FillAsync("#filter-max-words", "0");
        await page.ClickAsync("#filter-form button[type=submit]");
        await Expect(page.Locator("#filter-error")).Not.ToBeEmptyAsync();
        await page.FillAsync("#filter-max-words", "77");
        await page.UncheckAsync("#filter-allow-links");
        await page.FillAsync("#filter-banned", "");
        await page.ClickAsync("#filter-form button[type=submit]");
        await Expect(page.Locator("#filter-saved")).ToHaveTextAsync("Filters saved.");
    }
}
