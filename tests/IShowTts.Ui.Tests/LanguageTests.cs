// Interface language: Simplified Chinese for a Chinese browser, English otherwise, and a switch that
// changes every label at once and is remembered across reloads; both dictionaries have the same keys and
// every data-i18n key on the pages exists.
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class LanguageTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    [Fact]
    public async Task TheSwitchChangesToSimplifiedChineseAndIsRemembered()
    {
        var page = await Fixture.NewPageAsync();
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
        var page = await Fixture.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/");
        await Expect(page.Locator("#tab-status")).ToHaveTextAsync("状态");
        Assert.Equal("zh-CN", await page.InputValueAsync("#language"));
    }

    [Fact]
    public async Task BothLanguagesHaveEveryKeyThePagesUse()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#speak");
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        // The listening page's keys (quality.*) belong to that page and are checked with it.
        var missing = await page.EvaluateAsync<string[]>("""
            async () => {
              const en = (await import('/js/i18n/en.js')).default, zh = (await import('/js/i18n/zh-CN.js')).default;
              const ours = k => !k.startsWith('quality.');
              const problems = [];
              for (const k of Object.keys(en).filter(ours)) if (!(k in zh)) problems.push(`zh-CN lacks ${k}`);
              for (const k of Object.keys(zh).filter(ours)) if (!(k in en)) problems.push(`en lacks ${k}`);
              for (const k of Object.keys(en).filter(ours))
                for (const p of en[k].match(/\{\w+\}/g) ?? []) if (zh[k] && !zh[k].includes(p)) problems.push(`zh-CN ${k} lacks ${p}`);
              const used = [...document.querySelectorAll('[data-i18n],[data-i18n-placeholder],[data-i18n-aria-label],[data-i18n-title]')]
                .flatMap(e => [e.dataset.i18n, e.dataset.i18nPlaceholder, e.dataset.i18nAriaLabel, e.dataset.i18nTitle]).filter(Boolean);
              for (const k of new Set(used)) if (!(k in en)) problems.push(`the page uses ${k}, which en.js lacks`);
              return problems;
            }
            """);
        Assert.Empty(missing);
    }

    [Fact]
    public async Task SwitchingLanguageTranslatesEveryTabAndTheRenderedLists()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        await Expect(page.Locator($"#voices-table tr[data-voice='{UiServer.EspeakVoice}']")).ToContainTextAsync("ready");
        await page.FocusAsync("#language");
        await page.SelectOptionAsync("#language", "zh-CN");
        await Expect(page.Locator($"#voices-table tr[data-voice='{UiServer.EspeakVoice}']")).ToContainTextAsync("就绪");
        await Expect(page.Locator("#add-voice-form h2")).ToHaveTextAsync("添加音色");
        await page.GotoAsync("/#status");
        await Expect(page.Locator("#status-title")).ToHaveTextAsync("状态");
        await Expect(page.Locator("#status-device")).ToContainTextAsync("个逻辑核心");
        Assert.Equal("状态 · iShowTTS", await page.TitleAsync());
    }
}
