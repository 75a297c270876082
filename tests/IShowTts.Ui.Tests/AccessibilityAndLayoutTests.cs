// Keyboard use, labels and phone-width layout on every page: every control has an accessible name,
// tabs and buttons work with Tab + Enter/Space, focus is visible, and at 390 px nothing scrolls sideways.
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class AccessibilityAndLayoutTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    public static TheoryData<string> Pages => new() { "/#speak", "/#voices", "/#chat", "/#status", "/quality.html" };

    // Controls whose accessible name is missing: no <label for>, aria-label, aria-labelledby or text.
    private const string UnlabelledControls = """
        () => [...document.querySelectorAll('input, select, textarea, button, a[href]')]
          .filter(e => e.type !== 'hidden' && e.getClientRects().length > 0)
          .filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.textContent || '').trim()))
          .map(e => e.outerHTML.slice(0, 120))
        """;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryVisibleControlHasALabel(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledControls));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AtPhoneWidthNothingOverflowsSideways(string path)
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync(path);
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 390 px phone screen");
        var name = path.TrimStart('/', '#').Replace(".html", "");
        await Screenshots.SaveAsync(page, $"{name}-phone", fullPage: true);
    }

    [Fact]
    public async Task TheSectionsAndSpeakingWorkFromTheKeyboard()
    {
        var page = await fixture.NewPageAsync();
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

        // Speak: type, pick a voice with the arrow keys' select, synthesise with Space on the focused button.
        await page.GotoAsync("/#speak");
        await page.FocusAsync("#speak-text");
        await page.Keyboard.TypeAsync("Typed with the keyboard.");
        await page.FocusAsync("#speak-voice");
        await page.SelectOptionAsync("#speak-voice", UiServer.EspeakVoice);
        await page.FocusAsync("#speak-submit");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(1);

        // Ctrl+Enter in the text box speaks too.
        await page.FocusAsync("#speak-text");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#speak-history > li")).ToHaveCountAsync(2);
    }
}
