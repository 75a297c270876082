// The Chat section against the real chat routes: connecting and disconnecting Twitch and YouTube channels
// with a voice each, the live feed marking messages queued / filtered (with the reason) / spoken, the
// queue controls (pause, remove, resume, clear, skip), the filter settings, and the page's own player:
// volume, items in order, and resuming after a reload.
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class ChatPageTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    [Fact]
    public async Task AChannelIsConnectedWithItsVoiceAndDisconnected()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await page.SelectOptionAsync("#chat-platform", "Twitch");
        await page.FillAsync("#chat-channel", "#UiTestChannel");
        await page.SelectOptionAsync("#chat-voice", UiServer.EspeakVoice);
        await page.ClickAsync("#chat-connect-form button[type=submit]");

        var channel = page.Locator("#chat-channel-list > li");
        await Expect(channel).ToHaveCountAsync(1);
        await Expect(channel).ToContainTextAsync(UiServer.EspeakVoice);
        var status = await Chat.GetAsync(Fixture.Server, "api/danmaku/status");
        var listed = Assert.Single(status.GetProperty("channels").EnumerateArray());
        Assert.Equal(UiServer.EspeakVoice, listed.GetProperty("voice_id").GetString());

        await channel.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(channel).ToHaveCountAsync(0);
        status = await Chat.GetAsync(Fixture.Server, "api/danmaku/status");
        Assert.Empty(status.GetProperty("channels").EnumerateArray());

        // YouTube: the same form; the client runs in the background (here against a closed port).
        await page.SelectOptionAsync("#chat-platform", "YouTube");
        await page.FillAsync("#chat-channel", "UCuitestchannel");
        await page.SelectOptionAsync("#chat-voice", "espeak-zh");
        await page.ClickAsync("#chat-connect-form button[type=submit]");
        var youtube = page.Locator("#chat-channel-list > li[data-channel='YouTube:UCuitestchannel']");
        await Expect(youtube).ToContainTextAsync("espeak-zh");
        await Expect(page.Locator("#chat-connect-error")).ToBeEmptyAsync();
        status = await Chat.GetAsync(Fixture.Server, "api/danmaku/status");
        Assert.Equal("YouTube", Assert.Single(status.GetProperty("channels").EnumerateArray()).GetProperty("platform").GetString());
        await youtube.GetByRole(AriaRole.Button, new() { Name = "Disconnect UCuitestchannel" }).ClickAsync();
        await Expect(youtube).ToHaveCountAsync(0);

        await page.ClickAsync("#chat-connect-form button[type=submit]");
        await Expect(page.Locator("#chat-channel")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#chat-channel-error")).ToHaveTextAsync("Type a channel name.");
    }

    private const string LongLine = "this is a rather long chat message that keeps the speaker busy for a few seconds so there is time to act on it";

    private static async Task<JsonElement> PlayerStateAsync(IPage page) =>
        await page.EvaluateAsync<JsonElement>("async () => (await import('/js/chat.js')).playerState()");

    private async Task<IPage> OpenPlayingPanelAsync()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await page.CheckAsync("#chat-play-here");
        await WaitForAsync(page, "(await import('/js/chat.js')).playerState().connected");
        return page;
    }

    private static async Task<JsonElement[]> HistoryOfAsync(UiServer server, long id) =>
        (await Chat.GetAsync(server, "api/danmaku/history")).EnumerateArray().Where(h => h.GetProperty("item").GetProperty("id").GetInt64() == id).ToArray();

    [Fact]
    public async Task SkipStopsTheMessageBeingSpoken()
    {
        var page = await OpenPlayingPanelAsync();
        var id = await Chat.EnqueueAsync(Fixture.Server, "ivan", LongLine);
        await Expect(page.Locator("#chat-now-playing")).ToHaveAttributeAsync("data-id", id.ToString()!);
        await page.ClickAsync("#queue-skip");

        var row = page.Locator("#chat-feed > li", new() { HasText = "rather long chat message" });
        await Expect(row).ToHaveAttributeAsync("data-state", "Skipped");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("skipped");
        await Expect(page.Locator("#chat-now-playing")).ToHaveTextAsync("Waiting for chat…");
        await Chat.WaitUntilAsync(async () => (await HistoryOfAsync(Fixture.Server, id!.Value)).Any(h => h.GetProperty("outcome").GetString() == "Skipped"),
            "the history shows the message skipped");
        await page.UncheckAsync("#chat-play-here");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task TheVolumeSliderWorksFromTheKeyboardAndIsRemembered()
    {
        var page = await OpenPlayingPanelAsync();
        await page.FocusAsync("#chat-volume");
        await page.Keyboard.PressAsync("Home");
        for (int i = 0; i < 40; i++) await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#chat-volume")).ToHaveValueAsync("40");
        await Expect(page.Locator("#chat-volume-value")).ToHaveTextAsync("40 %");
        await Expect(page.Locator("#chat-volume")).ToHaveAttributeAsync("aria-valuetext", "40 %");
        Assert.Equal(0.4, (await PlayerStateAsync(page)).GetProperty("volume").GetDouble(), 3);

        await page.ReloadAsync();
        await Expect(page.Locator("#chat-volume")).ToHaveValueAsync("40");
        await WaitForAsync(page, "(await import('/js/chat.js')).playerState().connected");
        Assert.Equal(0.4, (await PlayerStateAsync(page)).GetProperty("volume").GetDouble(), 3);
        await page.UncheckAsync("#chat-play-here");
        Assert.False((await PlayerStateAsync(page)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task AfterAReloadThePanelResumesTheMessageItWasSpeakingThenPlaysTheNextInOrder()
    {
        var page = await OpenPlayingPanelAsync();
        var first = await Chat.EnqueueAsync(Fixture.Server, "hank", LongLine);
        var second = await Chat.EnqueueAsync(Fixture.Server, "iris", "and this one comes after the reload");
        await Expect(page.Locator("#chat-now-playing")).ToHaveAttributeAsync("data-id", first.ToString()!);

        await page.ReloadAsync();
        await Expect(page.Locator("#chat-play-here")).ToBeCheckedAsync();
        await WaitForAsync(page, $"(await import('/js/chat.js')).playerState().played.some(p => p.id === {second})", 60);
        var played = (await PlayerStateAsync(page)).GetProperty("played").EnumerateArray().ToArray();
        Assert.Equal([first!.Value, second!.Value], played.Select(p => p.GetProperty("id").GetInt64()).ToArray());
        Assert.True(played[0].GetProperty("resent").GetBoolean(), "the interrupted message is resent to the reloaded page");
        await Expect(page.Locator("#chat-feed > li", new() { HasText = "after the reload" })).ToHaveAttributeAsync("data-state", "Played", new() { Timeout = 30_000 });
        Assert.Contains(await HistoryOfAsync(Fixture.Server, second.Value), h => h.GetProperty("outcome").GetString() == "Played");
        await page.UncheckAsync("#chat-play-here");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task TheFeedAndQueueFollowMessagesAndTheControlsChangeTheQueue()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await Expect(page.Locator("#feed-state")).ToHaveTextAsync("Live.");
        await page.ClickAsync("#queue-pause");
        await Expect(page.Locator("#chat-paused")).ToBeVisibleAsync();

        var held = await Chat.EnqueueAsync(Fixture.Server, "erin", "held while paused", color: "#2E8B57");
        var removed = await Chat.EnqueueAsync(Fixture.Server, "frank", "removed from the queue");
        Assert.Null(await Chat.EnqueueAsync(Fixture.Server, "spammer", "buy followers at https://spam.example"));

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
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task PlayingOnThePageSpeaksTheQueueAndMarksMessagesSpoken()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await page.CheckAsync("#chat-play-here");
        await Chat.WaitUntilAsync(async () =>
            (await Chat.GetAsync(Fixture.Server, "api/danmaku/status")).GetProperty("statistics").GetProperty("players").GetInt32() > 0,
            "the page's player is connected");
        await Chat.EnqueueAsync(Fixture.Server, "gina", "spoken on the panel");
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
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#chat");
        await Expect(page.Locator("#filter-max-words")).ToHaveValueAsync("77");
        await page.FillAsync("#filter-max-words", "20");
        await page.FillAsync("#filter-banned", "badword\nworseword");
        await page.CheckAsync("#filter-allow-links");
        await page.ClickAsync("#filter-form button[type=submit]");
        await Expect(page.Locator("#filter-saved")).ToHaveTextAsync("Filters saved.");

        var filter = await Chat.GetAsync(Fixture.Server, "api/danmaku/filter");
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
