// The blind listening page as plumbing (no quality claim): sessions of espeak "pairs" made by the
// operations kit's generator, listened to and rated through the Quality API until every trial is done;
// the ratings reach the server, nothing the page shows or fetches says which side is which NFE, the
// controls are labelled and work from the keyboard, a listener resumes where they left off, and the page
// speaks English and Simplified Chinese.
using IShowTts.Ops.Quality;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class QualityPageTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    private static readonly QualitySentence[] Sentences =
        [new("short", "en", "Hello chat."), new("tech", "en", "The GPU runs at full speed.")];

    // Controls whose accessible name is missing (as AccessibilityAndLayoutTests checks), here with a trial shown.
    private const string UnlabelledControls = """
        () => [...document.querySelectorAll('input, select, textarea, button, a[href]')]
          .filter(e => e.type !== 'hidden' && e.getClientRects().length > 0)
          .filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.textContent || '').trim()))
          .map(e => e.outerHTML.slice(0, 120))
        """;

    private Task<QualityManifest> GenerateAsync(string id, QualitySentence[]? sentences = null) =>
        QualitySessionGenerator.GenerateAsync(fixture.Server.Synthesizer,
            new QualityPlan(UiServer.EspeakVoice, [6, 7], sentences ?? Sentences, SessionId: id, ReferenceNfe: 8),
            QualitySessionStore.DefaultRoot(fixture.Server.Options.DataDirectory), cancel: TestContext.Current.CancellationToken);

    /// <summary>Every Quality API answer the page receives, to check none of them gives a side away.</summary>
    private static List<string> RecordQualityAnswers(IPage page)
    {
        var answers = new List<string>();
        page.Response += async (_, response) =>
        {
            if (!response.Url.Contains("/api/quality/", StringComparison.Ordinal)) return;
            var type = response.Headers.GetValueOrDefault("content-type") ?? "";
            var text = type.Contains("json") ? await response.TextAsync() : "";
            lock (answers) answers.Add($"{response.Url} {string.Join(' ', response.Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{text}");
        };
        return answers;
    }

    private static void AssertBlind(string what, string text)
    {
        foreach (var secret in new[] { "nfe-", "nfe_a", "nfe_b", "samples/", "blind/", "manifest", "item_id" })
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what} gives '{secret}' away:\n{text}");
    }

    private static async Task StartAsync(IPage page, string session, string listener)
    {
        await Expect(page.Locator($"#quality-session option[value='{session}']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#quality-session", session);
        await page.FillAsync("#quality-listener", listener);
        await page.ClickAsync("#quality-setup button[type=submit]");
    }

    [Fact]
    public async Task AListenerRatesEveryTrialBlindAndTheRatingsReachTheServer()
    {
        var page = await fixture.NewPageAsync();
        var answers = RecordQualityAnswers(page);
        var manifest = await GenerateAsync("ui-test-session");

        await page.GotoAsync("/quality");
        await Expect(page.Locator("#quality-session option[value='ui-test-session']")).ToHaveTextAsync("ui-test-session · espeak-en · 2 trials");
        await StartAsync(page, "ui-test-session", "ana");

        for (int i = 0; i < manifest.Trials.Count; i++)
        {
            var trial = page.Locator("#quality-trial");
            await Expect(trial).ToBeVisibleAsync();
            await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync($"Trial {i + 1} of {manifest.Trials.Count}");
            await Expect(page.Locator("#quality-trial-title")).ToBeFocusedAsync();
            await page.ClickAsync("#quality-play-a");
            var duration = await page.EvalOnSelectorAsync<double>("#quality-audio-a",
                "a => new Promise(r => { if (a.readyState >= 1) r(a.duration); else a.onloadedmetadata = () => r(a.duration); })");
            Assert.True(duration > 0.2, $"side A of trial {i + 1} is {duration} s long");
            await page.ClickAsync("#quality-play-b");
            Assert.True(await page.EvalOnSelectorAsync<bool>("#quality-audio-a", "a => a.paused"), "playing B must stop A");
            var html = await page.ContentAsync();
            AssertBlind($"the page at trial {i + 1}", html);
            Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledControls));
            if (i == 0) await Screenshots.SaveAsync(page, "quality-1280x720");
            await page.CheckAsync(i % 2 == 0 ? "#choice-a" : "#choice-same");
            await page.SelectOptionAsync("#quality-score-a", "4");
            if (i == 0) await page.FillAsync("#quality-comment", "b has a click at the end");
            await page.ClickAsync("#quality-trial button[type=submit]");
        }
        await Expect(page.Locator("#quality-done")).ToBeVisibleAsync();
        await Expect(page.Locator("#quality-trial")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "quality-done-1280x720");

        var ratings = (await Chat.GetAsync(fixture.Server, "api/quality/sessions/ui-test-session/ratings?listener=ana")).EnumerateArray().ToList();
        Assert.Equal(manifest.Trials.Select(t => t.Trial), ratings.Select(r => r.GetProperty("trial").GetInt32()).Order());
        Assert.Equal(["a", "same"], ratings.Select(r => r.GetProperty("choice").GetString()).Order());
        Assert.All(ratings, r => Assert.Equal(4, r.GetProperty("score_a").GetInt32()));
        Assert.All(ratings, r => Assert.False(r.TryGetProperty("score_b", out _), "no score for B was given"));
        Assert.Single(ratings, r => r.TryGetProperty("comment", out var c) && c.GetString() == "b has a click at the end");
        lock (answers)
        {
            Assert.Contains(answers, a => a.Contains("/trials/", StringComparison.Ordinal));
            foreach (var answer in answers) AssertBlind("the Quality API", answer);
        }
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task ATrialCanBeRatedWithTheKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await GenerateAsync("ui-keyboard", Sentences[..1]);
        await page.GotoAsync("/quality?session=ui-keyboard");
        await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        Assert.Equal("ui-keyboard", await page.InputValueAsync("#quality-session"));

        await page.FocusAsync("#quality-listener");
        await page.Keyboard.TypeAsync("kim");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#quality-trial-title")).ToBeFocusedAsync();

        // B plays with its key; A with Tab to its button and Space.
        await page.Keyboard.PressAsync("b");
        await Expect(page.Locator("#quality-audio-b")).ToHaveJSPropertyAsync("paused", false);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#quality-play-a")).ToBeFocusedAsync();
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#quality-audio-a")).ToHaveJSPropertyAsync("paused", false);
        await Expect(page.Locator("#quality-audio-b")).ToHaveJSPropertyAsync("paused", true);

        // Saving without a choice is refused and puts the focus on the choices; arrows move to B; Enter saves.
        await page.FocusAsync("#quality-trial button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#quality-trial-error")).ToHaveTextAsync("Choose A, B or no difference first.");
        await Expect(page.Locator("#choice-a")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#choice-b")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#quality-done")).ToBeVisibleAsync();

        var ratings = await Chat.GetAsync(fixture.Server, "api/quality/sessions/ui-keyboard/ratings?listener=kim");
        Assert.Equal("b", Assert.Single(ratings.EnumerateArray()).GetProperty("choice").GetString());
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task AListenerResumesWhereTheyLeftOff()
    {
        var page = await fixture.NewPageAsync();
        await GenerateAsync("ui-resume");
        await page.GotoAsync("/quality");
        await StartAsync(page, "ui-resume", "lee");
        await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync("Trial 1 of 2");
        var first = int.Parse(await page.GetAttributeAsync("#quality-trial", "data-trial") ?? "0");
        await page.CheckAsync("#choice-b");
        await page.ClickAsync("#quality-trial button[type=submit]");
        await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync("Trial 2 of 2");

        await page.ReloadAsync();
        Assert.Equal("lee", await page.InputValueAsync("#quality-listener"));   // remembered
        await StartAsync(page, "ui-resume", "lee");
        await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync("Trial 2 of 2");
        await Expect(page.Locator("#app-status")).ToHaveTextAsync("1 trials already rated by lee; continuing.");
        Assert.NotEqual(first, int.Parse(await page.GetAttributeAsync("#quality-trial", "data-trial") ?? "0"));
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task ThePageSpeaksSimplifiedChinese()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await GenerateAsync("ui-zh", [new("stream", "zh", "夜猫子说：这把剑是哪里拿到的？")]);
        await page.GotoAsync("/quality?session=ui-zh");
        await Expect(page.Locator("h1 span")).ToHaveTextAsync("盲听评测");
        await Expect(page.Locator("#quality-setup button[type=submit]")).ToHaveTextAsync("开始");
        await Expect(page.Locator("#quality-session option[value='ui-zh']")).ToHaveTextAsync("ui-zh · espeak-en · 共 1 题");
        await page.FillAsync("#quality-listener", "小明");
        await page.ClickAsync("#quality-setup button[type=submit]");
        await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync("第 1 题，共 1 题");
        await Expect(page.Locator("#quality-play-a")).ToHaveTextAsync("播放 A");
        await Expect(page.Locator("label[for='choice-same']")).ToHaveTextAsync("听不出区别");
        await Expect(page.Locator("#quality-trial-text")).ToHaveTextAsync("夜猫子说：这把剑是哪里拿到的？");
        await Expect(page.Locator("#quality-trial-category")).ToHaveTextAsync("类别：直播弹幕");
        await Screenshots.SaveAsync(page, "quality-zh-CN-1280x720");

        await page.SelectOptionAsync("#language", "en");
        await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync("Trial 1 of 1");
        await Expect(page.Locator("#quality-score-a option").First).ToHaveTextAsync("no score");
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task AnUnknownSessionInTheLinkIsSaid()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/quality?session=no-such-session");
        await Expect(page.Locator("#quality-error")).ToHaveTextAsync("There is no listening session 'no-such-session' on this server.");
    }

    [Fact]
    public async Task StartingWithoutAListenerNameIsRefusedOnThePage()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/quality");
        await page.FillAsync("#quality-listener", "");
        await page.ClickAsync("#quality-setup button[type=submit]");
        await Expect(page.Locator("#quality-listener")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#quality-listener-error")).ToHaveTextAsync("Type your name first.");
        await Expect(page.Locator("#quality-listener")).ToBeFocusedAsync();
    }
}
