// The OBS overlay against the real chat queue: two chat messages are played in order without a click,
// each shown as a caption (name in its chat colour) while it plays and acknowledged to the server; a
// message deleted before it plays never appears; the page is transparent and hides when idle; position,
// font size, channel and language come from the query string.
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class OverlayTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    private async Task<IPage> OpenOverlayAsync(string query = "")
    {
        var page = await Fixture.NewPageAsync();
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
        await Expect(caption).ToBeHiddenAsync();
        await Expect(caption).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pos-bottom"));
        Assert.Equal("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));

        var first = await Chat.EnqueueAsync(Fixture.Server, "alice", "first message from chat", color: "#FF4500");
        var second = await Chat.EnqueueAsync(Fixture.Server, "bob", "second message from chat", color: "#1E90FF");
        Assert.NotNull(first);
        Assert.NotNull(second);

        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("first message from chat");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "playing");
        await Expect(page.Locator("#caption-name")).ToHaveTextAsync("alice");
        await Expect(caption).ToBeVisibleAsync();
        Assert.Equal("rgb(255, 69, 0)", await page.Locator("#caption-name").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal("40px", await caption.EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));
        await Screenshots.SaveAsync(page, "overlay-1280x720", transparent: true);
        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("second message from chat");
        await Expect(page.Locator("#caption-name")).ToHaveTextAsync("bob");
        Assert.Equal("rgb(30, 144, 255)", await page.Locator("#caption-name").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
        await Expect(caption).ToBeHiddenAsync();

        Assert.Equal(["first message from chat", "second message from chat"], await ShownAsync(page));
        await Chat.WaitUntilAsync(async () =>
        {
            var history = await Chat.GetAsync(Fixture.Server, "api/danmaku/history");
            var acknowledged = history.EnumerateArray()
                .Where(h => h.GetProperty("acknowledged").GetBoolean() && h.GetProperty("outcome").GetString() == "Played")
                .Select(h => h.GetProperty("item").GetProperty("id").GetInt64()).ToHashSet();
            return acknowledged.Contains(first.Value) && acknowledged.Contains(second.Value);
        }, "the history shows both items played and acknowledged");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task AMessageDeletedBeforeItPlaysNeverAppears()
    {
        await Chat.PostAsync(Fixture.Server, "api/danmaku/queue/pause");
        try
        {
            var page = await OpenOverlayAsync();
            var deleted = await Chat.EnqueueAsync(Fixture.Server, "troll", "this message gets deleted");
            var kept = await Chat.EnqueueAsync(Fixture.Server, "carol", "this message is kept");
            Assert.NotNull(deleted);
            using (var response = await Fixture.Server.Http.DeleteAsync($"api/danmaku/queue/{deleted}?by=moderator"))
                Assert.True(response.IsSuccessStatusCode, $"DELETE answered {(int)response.StatusCode}");
            await Chat.PostAsync(Fixture.Server, "api/danmaku/queue/resume");

            await Expect(page.Locator("#caption-text")).ToHaveTextAsync("this message is kept");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
            Assert.Equal(["this message is kept"], await ShownAsync(page));
            var history = await Chat.GetAsync(Fixture.Server, "api/danmaku/history");
            Assert.DoesNotContain(history.EnumerateArray(), h => h.GetProperty("item").GetProperty("id").GetInt64() == deleted);
            Assert.Contains(history.EnumerateArray(), h => h.GetProperty("item").GetProperty("id").GetInt64() == kept);
        }
        finally
        {
            await Chat.PostAsync(Fixture.Server, "api/danmaku/queue/resume");
        }
    }

    [Fact]
    public async Task AnOverlayReloadedWhilePausedPlaysWhatWasWaiting()
    {
        await Chat.PostAsync(Fixture.Server, "api/danmaku/queue/pause");
        var page = await OpenOverlayAsync();
        await Chat.EnqueueAsync(Fixture.Server, "dave", "still waiting after a reload");
        await page.ReloadAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connection", "open");
        await Chat.PostAsync(Fixture.Server, "api/danmaku/queue/resume");
        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("still waiting after a reload");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
    }

    [Fact]
    public async Task TheChannelInTheQueryLimitsTheOverlayToThatChannel()
    {
        var page = await OpenOverlayAsync("?channel=twitch:stage");
        await Chat.EnqueueAsync(Fixture.Server, "erin", "said in another channel", channel: "elsewhere");
        await Chat.EnqueueAsync(Fixture.Server, "finn", "said on the stage channel", channel: "stage");
        await Expect(page.Locator("#caption-text")).ToHaveTextAsync("said on the stage channel");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle");
        Assert.Equal(["said on the stage channel"], await ShownAsync(page));
        Assert.Empty(Fixture.PageErrors[page]);
    }

    public static TheoryData<string, int, int> Placements => new()
    {
        { "top-left", 1280, 720 }, { "top-right", 1280, 720 }, { "center", 1280, 720 }, { "bottom-right", 1280, 720 },
        { "bottom", 390, 844 }, { "top-left", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task TheCaptionSitsWhereTheQuerySaysAndStaysOnScreen(string position, int width, int height)
    {
        var page = await Fixture.NewPageAsync(width, height);
        await page.GotoAsync($"/overlay.html?position={position}&font=28");
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        // Show a long caption without audio: only the layout is under test here.
        await page.EvaluateAsync("""
            () => {
              document.getElementById('caption-name').textContent = 'a_viewer_with_a_long_name';
              document.getElementById('caption-text').textContent = 'a long chat message that has to wrap onto several lines instead of running off the edge of the screen '.repeat(3);
              document.body.dataset.state = 'playing';
            }
            """);
        var box = (await page.Locator("#caption").BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{position}: the caption spans x {box.X}–{box.X + box.Width} on a {width} px screen");
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"{position}: the caption spans y {box.Y}–{box.Y + box.Height} on a {height} px screen");
        double centreX = box.X + box.Width / 2, centreY = box.Y + box.Height / 2;
        if (position.Contains("left")) Assert.True(centreX < width / 2.0, $"{position}: centre x {centreX}");
        if (position.Contains("right")) Assert.True(centreX > width / 2.0, $"{position}: centre x {centreX}");
        if (position.StartsWith("top")) Assert.True(centreY < height / 2.0, $"{position}: centre y {centreY}");
        if (position.StartsWith("bottom")) Assert.True(centreY > height / 2.0, $"{position}: centre y {centreY}");
        if (position is "center" or "top" or "bottom") Assert.InRange(centreX, width / 2.0 - 2, width / 2.0 + 2);
        Assert.Equal("28px", await page.Locator("#caption").EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));
    }

    [Fact]
    public async Task TheLanguageComesFromTheQueryOrTheBrowser()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/overlay.html?lang=zh-CN");
        await Expect(page.Locator("#unlock")).ToHaveTextAsync("点击以启用弹幕语音");
        var chinese = await Fixture.NewPageAsync(locale: "zh-CN");
        await chinese.GotoAsync("/overlay.html");
        await Expect(chinese.Locator("#unlock")).ToHaveTextAsync("点击以启用弹幕语音");
        await page.GotoAsync("/overlay.html");
        await Expect(page.Locator("#unlock")).ToHaveTextAsync("Click to enable chat audio");
    }
}
