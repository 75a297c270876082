// The blind listening page as plumbing (no quality claim): a session of espeak "pairs" made by the
// operations kit's generator, listened to and rated through the Quality API until every trial is done;
// the ratings reach the server and nothing on the page says which side is which NFE.
using System.Net;
using IShowTts.Ops.Quality;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class QualityPageTests(UiFixture fixture) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task AListenerRatesEveryTrialBlindAndTheRatingsReachTheServer()
    {
        var page = await fixture.NewPageAsync();
        using (var probe = await fixture.Server.Http.GetAsync("api/quality/sessions"))
            if (probe.StatusCode == HttpStatusCode.NotFound) Assert.Skip("the Quality API (GET /api/quality/sessions) is not in this build yet");
        var plan = new QualityPlan(UiServer.EspeakVoice, [6, 7],
            [new QualitySentence("short", "en", "Hello chat."), new QualitySentence("tech", "en", "The GPU runs at full speed.")],
            SessionId: "ui-test-session", ReferenceNfe: 8);
        var manifest = await QualitySessionGenerator.GenerateAsync(fixture.Server.Synthesizer, plan,
            QualitySessionStore.DefaultRoot(fixture.Server.Options.DataDirectory), cancel: TestContext.Current.CancellationToken);

        await page.GotoAsync("/quality");
        await Expect(page.Locator("#quality-session option[value='ui-test-session']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#quality-session", "ui-test-session");
        await page.FillAsync("#quality-listener", "ana");
        await page.ClickAsync("#quality-setup button[type=submit]");

        for (int i = 0; i < manifest.Trials.Count; i++)
        {
            var trial = page.Locator("#quality-trial");
            await Expect(trial).ToBeVisibleAsync();
            await Expect(page.Locator("#quality-trial-title")).ToHaveTextAsync($"Trial {i + 1} of {manifest.Trials.Count}");
            await page.ClickAsync("#quality-play-a");
            var duration = await page.EvalOnSelectorAsync<double>("#quality-audio-a",
                "a => new Promise(r => { if (a.readyState >= 1) r(a.duration); else a.onloadedmetadata = () => r(a.duration); })");
            Assert.True(duration > 0.2, $"side A of trial {i + 1} is {duration} s long");
            var html = await page.ContentAsync();
            Assert.DoesNotContain("nfe-", html);
            if (i == 0) await Screenshots.SaveAsync(page, "quality-1280x720");
            await page.CheckAsync(i % 2 == 0 ? "#choice-a" : "#choice-same");
            await page.SelectOptionAsync("#quality-score-a", "4");
            await page.ClickAsync("#quality-trial button[type=submit]");
        }
        await Expect(page.Locator("#quality-done")).ToBeVisibleAsync();

        var ratings = await Chat.GetAsync(fixture.Server, "api/quality/sessions/ui-test-session/ratings?listener=ana");
        Assert.Equal(manifest.Trials.Count, ratings.GetArrayLength());
        Assert.All(ratings.EnumerateArray(), r => Assert.Equal(4, r.GetProperty("score_a").GetInt32()));
        Assert.Empty(fixture.PageErrors[page]);
    }

    [Fact]
    public async Task StartingWithoutAListenerNameIsRefusedOnThePage()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/quality");
        await page.FillAsync("#quality-listener", "");
        await page.ClickAsync("#quality-setup button[type=submit]");
        await Expect(page.Locator("#quality-listener")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
