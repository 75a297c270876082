// Labels, keyboard use and layout on every page (the panel's four tabs, the overlay, and the listening page
// read-only), each in a state with its lists filled and its dialogs open: every control has an accessible
// name (Chromium's own accessibility tree, plus a DOM check that also covers hidden sections), every
// control can be reached with Tab, focus is visible, and at 1280×720 and at 390×844 nothing overflows
// sideways.
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class AccessibilityAndLayoutTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    public static TheoryData<string> Pages => new() { "/#speak", "/#voices", "/#chat", "/#status", "/overlay.html", "/quality.html" };

    public static TheoryData<string, int, int> PagesAndSizes
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var path in Pages)
                foreach (var (w, h) in new[] { (1280, 720), (390, 844) }) data.Add(path, w, h);
            return data;
        }
    }

    /// <summary>Opens a page and fills it: a spoken clip in the history, the reference editor open, a channel and a queued message, a caption.</summary>
    private async Task<IPage> OpenFilledAsync(string path, int width = 1280, int height = 720)
    {
        var page = await Fixture.NewPageAsync(width, height);
        if (path == "/#chat")
        {
            using var start = await Fixture.Server.Http.PostAsync("api/danmaku/start",
                new StringContent("""{"platform":"Twitch","channel":"a11y","voice_id":"espeak-en"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(start.IsSuccessStatusCode);
            await Chat.PostAsync(Fixture.Server, "api/danmaku/queue/pause");
            await Chat.EnqueueAsync(Fixture.Server, "a11y_viewer", "a message waiting in the queue", channel: "a11y", color: "#1E90FF");
        }
        await page.GotoAsync(path);
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        switch (path)
        {
            case "/#speak":
                await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
                await page.FillAsync("#speak-text", "Filled for the accessibility check.");
                await page.ClickAsync("#speak-submit");
                await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);
                break;
            case "/#voices":
                await page.GetByRole(AriaRole.Button, new() { Name = $"Edit the reference of {UiServer.F5Voice}" }).ClickAsync();
                await Expect(page.Locator("#reference-info")).ToContainTextAsync(UiServer.ReferenceText);
                break;
            case "/#chat":
                await Expect(page.Locator("#chat-channel-list > li")).Not.ToHaveCountAsync(0);
                await Expect(page.Locator("#queue-list > li")).Not.ToHaveCountAsync(0);
                break;
            case "/#status":
                await Expect(page.Locator("#status-engines > li")).Not.ToHaveCountAsync(0);
                break;
            case "/overlay.html":
                await page.EvaluateAsync("""
                    () => {
                      document.getElementById('caption-name').textContent = 'a_viewer_with_a_long_name';
                      document.getElementById('caption-text').textContent = 'a chat message long enough to wrap at phone width and at 1280 px. '.repeat(4);
                      document.body.dataset.state = 'playing';
                      document.getElementById('unlock').hidden = false;
                    }
                    """);
                break;
        }
        return page;
    }

    // Every input/select/textarea/button in the DOM, shown or not, has a name source: <label for>, a
    // wrapping label, aria-label, aria-labelledby, or (buttons) its text.
    private const string ControlsWithoutName = """
        () => [...document.querySelectorAll('input, select, textarea, button, output')]
          .filter(e => e.type !== 'hidden')
          .filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                       || (e.tagName === 'BUTTON' && (e.textContent || '').trim()) || e.tagName === 'OUTPUT'))
          .map(e => e.outerHTML.slice(0, 140))
        """;

    private static readonly HashSet<string> ControlRoles =
        ["button", "textbox", "combobox", "checkbox", "slider", "spinbutton", "link", "radio", "listbox", "searchbox", "switch", "tab", "menuitem", "option"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryControlHasAnAccessibleName(string path)
    {
        var page = await OpenFilledAsync(path);
        Assert.Empty(await page.EvaluateAsync<string[]>(ControlsWithoutName));

        // The names Chromium computes, as a screen reader gets them.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = (await cdp.SendAsync("Accessibility.getFullAXTree"))!.Value;
        var unnamed = new List<string>();
        int named = 0;
        foreach (var node in tree.GetProperty("nodes").EnumerateArray())
        {
            if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()) continue;
            var role = node.TryGetProperty("role", out var r) && r.TryGetProperty("value", out var rv) ? rv.GetString() ?? "" : "";
            if (!ControlRoles.Contains(role)) continue;
            var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var nv) && nv.ValueKind == JsonValueKind.String ? nv.GetString() : null;
            if (string.IsNullOrWhiteSpace(name)) unnamed.Add($"{role} (backend node {(node.TryGetProperty("backendDOMNodeId", out var id) ? id.GetInt32() : -1)})");
            else named++;
        }
        Assert.True(unnamed.Count == 0, $"{path}: controls without an accessible name: {string.Join(", ", unnamed)}");
        if (path != "/overlay.html") Assert.True(named >= 5, $"{path}: only {named} named controls found in the accessibility tree");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    // Marks every control a keyboard user should reach (shown, enabled, not tabindex=-1) with data-tab-id and
    // lists them; radio buttons count per group (Tab enters a group once, arrows move inside it).
    private const string MarkTabbable = """
        () => {
          const all = [...document.querySelectorAll('a[href], button, input, select, textarea, audio[controls], [tabindex]')]
            .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
                         && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden], [inert]'));
          return all.map((e, i) => {
            e.dataset.tabId = String(i);
            return { id: String(i), group: e.type === 'radio' ? `radio:${e.name}` : String(i), html: e.outerHTML.slice(0, 120) };
          });
        }
        """;

    private sealed record Tabbable(string Id, string Group, string Html);

    private static Tabbable[] Tabbables(JsonElement list) => list.EnumerateArray()
        .Select(e => new Tabbable(e.GetProperty("id").GetString()!, e.GetProperty("group").GetString()!, e.GetProperty("html").GetString()!)).ToArray();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryControlIsReachableWithTab(string path)
    {
        var page = await OpenFilledAsync(path);
        var controls = Tabbables(await page.EvaluateAsync<JsonElement>(MarkTabbable));
        Assert.NotEmpty(controls);
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");

        var reached = new HashSet<string>();
        var outlines = new List<string>();
        for (int press = 0; press < controls.Length * 3 + 20 && reached.Count < controls.Length; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                "() => { const e = document.activeElement; return e && e.dataset && e.dataset.tabId !== undefined ? `${e.dataset.tabId}|${getComputedStyle(e).outlineStyle}|${e.matches(':focus-visible')}` : null; }");
            if (focused is null) continue;
            var parts = focused.Split('|');
            if (reached.Add(parts[0]) && parts[2] == "true" && parts[1] == "none") outlines.Add(controls.First(c => c.Id == parts[0]).Html);
        }
        var reachedGroups = controls.Where(c => reached.Contains(c.Id)).Select(c => c.Group).ToHashSet();
        var missed = controls.Where(c => !reachedGroups.Contains(c.Group)).Select(c => c.Html).ToList();
        Assert.True(missed.Count == 0, $"{path}: Tab never reaches:\n{string.Join("\n", missed)}");
        Assert.True(outlines.Count == 0, $"{path}: focused without a visible outline:\n{string.Join("\n", outlines)}");
    }

    // Elements sticking out of the viewport sideways, unless an ancestor clips or scrolls them
    // (the skip link and visually hidden text are off screen on purpose).
    private const string SidewaysOverflow = """
        () => {
          const width = document.documentElement.clientWidth;
          const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { const s = getComputedStyle(p); if (s.overflowX !== 'visible' || s.clip !== 'auto') return true; } return false; };
          const out = [...document.body.querySelectorAll('*')].filter(e => {
            if (e.closest('.skip-link, .visually-hidden, [hidden]')) return false;
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return false;
            return (r.right > width + 1 || r.left < -1) && !clipped(e);
          }).map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().left)}–${Math.round(e.getBoundingClientRect().right)}`);
          return { scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 10) };
        }
        """;


    [Theory]
    [MemberData(nameof(PagesAndSizes))]
    public async Task NothingOverflowsSideways(string path, int width, int height)
    {
        var page = await OpenFilledAsync(path, width, height);
        var overflow = await page.EvaluateAsync<JsonElement>(SidewaysOverflow);
        var scroll = overflow.GetProperty("scroll").GetInt32();
        var outside = overflow.GetProperty("out").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.True(scroll <= 0, $"{path} scrolls {scroll} px sideways at {width}×{height}");
        Assert.True(outside.Length == 0, $"{path} at {width}×{height}: elements outside the screen:\n{string.Join("\n", outside)}");
        var name = path.TrimStart('/', '#').Replace(".html", "");
        await Screenshots.SaveAsync(page, $"{name}-{width}x{height}-filled", fullPage: width < 1000, transparent: path == "/overlay.html");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task TheSectionsAndSpeakingWorkFromTheKeyboard()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);

        // Tab from the top of the page to the Voices tab, then Enter.
        for (int i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "tab-voices"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("tab-voices", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#page-voices")).ToBeVisibleAsync();
        await Expect(page.Locator("#tab-voices")).ToHaveAttributeAsync("aria-current", "page");

        // Speak: type, choose a voice with the keyboard, synthesise with Space on the focused button.
        await page.GotoAsync("/#speak");
        await page.FocusAsync("#speak-text");
        await page.Keyboard.TypeAsync("Typed with the keyboard.");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FocusAsync("#speak-submit");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);

        // Ctrl+Enter in the text box speaks too.
        await page.FocusAsync("#speak-text");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(2);

        // The skip link takes the first Tab and moves focus to the content.
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
