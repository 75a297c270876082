// Interface language: Simplified Chinese for a Chinese browser, English otherwise, and a switch that
// changes every label at once and is remembered across reloads.
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class LanguageTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task TheSwitchChangesToSimplifiedChineseAndIsRemembered()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await Expect(page.Locator("#tab-speak")).ToHaveTextAsync("Speak");
        await page.SelectOptionAsync("#language", "zh-CN");
        await Expect(page.Locator("#tab-speak")).ToHaveTextAsync("朗读");
        await Expect(page.Locator("label[for='speak-text']")).ToHaveTextAsync("文本");
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        await page.ReloadAsync();
        await Expect(page.Locator("#tab-voices")).ToHaveTextAsync("音色");
        await page.GotoAsync("/#chat");
        await Expect(page.Locator("#chat-connect-form button[type=submit]")).ToHaveTextAsync("连接");
        await Expect(page.Locator("#filter-max-words")).ToHaveValueAsync("77");
        await Screenshots.SaveAsync(page, "chat-zh-CN-1280x720");
        await page.GotoAsync("/#speak");
        await Screenshots.SaveAsync(page, "speak-zh-CN-1280x720");

        await page.SelectOptionAsync("#language", "en");
        await Expect(page.Locator("#tab-speak")).ToHaveTextAsync("Speak");
    }

    [Fact]
    public async Task AChineseBrowserGetsChineseByDefault()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/");
        await Expect(page.Locator("#tab-status")).ToHaveTextAsync("状态");
        Assert.Equal("zh-CN", await page.InputValueAsync("#language"));
    }
}
