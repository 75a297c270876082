// The OBS overlay against the real chat queue: two chat messages are played in order without a click,
// each shown as a caption (name in its chat colour) while it plays and acknowledged to the server; a
// message deleted before it plays never appears; the page hides when idle.
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class OverlayTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    private async Task<IPage> OpenOverlayAsync(string query = "")
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/overlay" + query);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connection", "open");
        return page;
    }

    private static async Task<string[]> ShownAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.overlayLog.map(e => e.text)");

    [Fact]
    public async Task TwoChatItemsPlayInOrderAsCaptionsAndAreAcknowledged()
    {
        var page = await OpenOverlayAsync("?position=bottom&font=40");
        Assert.EndsWith("/overlay.html?position=bottom&font=40", page.Url);
        var caption = page.Locator("#caption");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
        await Expect(caption).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pos-bottom"));

        var first = await Chat.EnqueueAsync(fixture.Server, "alice", "first message from chat", color: "#FF4500");
        var second = await Chat.EnqueueAsync(fixture.Server, "bob", "second message from chat", color: "#1E90FF");
        Assert.NotNull(first);
        Assert.NotNull(second);

        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("first message from chat");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "playing");
        await Expect(page.Locator("#caption-name")).ToHaveTextAsync("alice");
        Assert.Equal("rgb(255, 69, 0)", await page.Locator("#caption-name").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal("40px", await caption.EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));
        await Screenshots.SaveAsync(page, "overlay-1280x720", transparent: true);
        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("second message from chat");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");

        Assert.Equal(["first message from chat", "second message from chat"], await ShownAsync(page));
        await Chat.WaitUntilAsync(async () =>
        {
            var history = await Chat.GetAsync(fixture.Server, "api/danmaku/history");
            var acknowledged = history.EnumerateArray()
                .Where(h => h.GetProperty("acknowledged").GetBoolean() && h.GetProperty("outcome").GetString() == "Played")
                .Select(h => h.GetProperty("item").GetProperty("id").GetInt64()).ToHashSet();
            return acknowledged.Contains(first.Value) && acknowledged.Contains(second.Value);
        }, "the history shows both items played and acknowledged");
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task AMessageDeletedBeforeItPlaysNeverAppears()
    {
        await Chat.PostAsync(fixture.Server, "api/danmaku/queue/pause");
        try
        {
            var page = await OpenOverlayAsync();
            var deleted = await Chat.EnqueueAsync(fixture.Server, "troll", "this message gets deleted");
            var kept = await Chat.EnqueueAsync(fixture.Server, "carol", "this message is kept");
            Assert.NotNull(deleted);
            using (var response = await fixture.Server.Http.DeleteAsync($"api/danmaku/queue/{deleted}?by=moderator"))
                Assert.True(response.IsSuccessStatusCode, $"DELETE answered {(int)response.StatusCode}");
            await Chat.PostAsync(fixture.Server, "api/danmaku/queue/resume");

            await Expect(page.Locator("#caption-text")).ToHaveTextAsync("this message is kept");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
            Assert.Equal(["this message is kept"], await ShownAsync(page));
            var history = await Chat.GetAsync(fixture.Server, "api/danmaku/history");
            Assert.DoesNotContain(history.EnumerateArray(), h => h.GetProperty("item").GetProperty("id").GetInt64() == deleted);
            Assert.Contains(history.EnumerateArray(), h => h.GetProperty("item").GetProperty("id").GetInt64() == kept);
        }
        finally
        {
            await Chat.PostAsync(fixture.Server, "api/danmaku/queue/resume");
        }
    }

    [Fact]
    public async Task AnOverlayReloadedWhilePausedPlaysWhatWasWaiting()
    {
        await Chat.PostAsync(fixture.Server, "api/danmaku/queue/pause");
        var page = await OpenOverlayAsync();
        await Chat.EnqueueAsync(fixture.Server, "dave", "still waiting after a reload");
        await page.ReloadAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connection", "open");
        await Chat.PostAsync(fixture.Server, "api/danmaku/queue/resume");
        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("still waiting after a reload");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
    }
}
