// The Voices section: the list with engine, language and readiness; adding a voice by upload (and by
// microphone, with Chromium's fake device); inline validation errors from the server; the reference
// editor (override, download, reset) and a preview.
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IShowTts.Ui.Tests;

public sealed class VoicesPageTests(UiFixture fixture) : UiTest(fixture), IClassFixture<UiFixture>
{
    [Fact]
    public async Task TheListShowsEveryVoiceWithEngineLanguageAndReadiness()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        var espeak = page.Locator($"#voices-table tr[data-voice='{UiServer.EspeakVoice}']");
        await Expect(espeak).ToContainTextAsync("en-US");
        await Expect(espeak).ToContainTextAsync("ready");
        await Expect(page.Locator($"#voices-table tr[data-voice='{UiServer.F5Voice}']")).ToContainTextAsync("F5-TTS");
    }

    [Fact]
    public async Task AddingAVoiceByUploadListsItAndItCanBeRemoved()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        await page.FillAsync("#add-id", "uploaded-voice");
        await page.SelectOptionAsync("#add-engine", "f5");
        await page.FillAsync("#add-label", "Uploaded");
        await page.FillAsync("#add-text", UiServer.ReferenceText);
        await page.SetInputFilesAsync("#add-audio", UiServer.ReferenceWav);
        await page.FillAsync("#add-owner", "Test streamer");
        await page.FillAsync("#add-consent", "recorded for the UI test");
        await page.ClickAsync("#add-voice-form button[type=submit]");

        var row = page.Locator("#voices-table tr[data-voice='uploaded-voice']");
        await Expect(row).ToContainTextAsync("Uploaded");
        await Expect(row).ToContainTextAsync("added here");
        await Expect(page.Locator("#add-voice-error")).ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, "voices-1280x720");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove uploaded-voice" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnUploadThatIsNotAudioShowsTheServersErrorOnTheAudioField()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        await page.FillAsync("#add-id", "not-audio");
        await page.SelectOptionAsync("#add-engine", "f5");
        await page.FillAsync("#add-text", "Some words.");
        await page.SetInputFilesAsync("#add-audio", new FilePayload { Name = "fake.wav", MimeType = "audio/wav", Buffer = "this is not a recording"u8.ToArray() });
        await page.ClickAsync("#add-voice-form button[type=submit]");

        await Expect(page.Locator("#add-audio")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#add-audio-error")).ToContainTextAsync("Unusable audio");
        await Expect(page.Locator("#add-voice-error")).ToContainTextAsync("Unusable audio");

        // The transcript is required with audio: that error lands on the transcript field.
        await page.FillAsync("#add-text", "");
        await page.SetInputFilesAsync("#add-audio", UiServer.ReferenceWav);
        await page.ClickAsync("#add-voice-form button[type=submit]");
        await Expect(page.Locator("#add-text")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#add-text-error")).ToContainTextAsync("transcript");
        await Expect(page.Locator("#add-audio")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // An invalid id lands on the id field.
        await page.FillAsync("#add-id", "../escape");
        await page.FillAsync("#add-text", "Some words.");
        await page.ClickAsync("#add-voice-form button[type=submit]");
        await Expect(page.Locator("#add-id")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "voices-validation-1280x720", fullPage: true);
    }

    [Fact]
    public async Task TheReferenceEditorOverridesDownloadsAndResetsTheReference()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit the reference of {UiServer.F5Voice}" }).ClickAsync();
        var editor = page.Locator("#reference-editor");
        await Expect(editor).ToBeVisibleAsync();
        await Expect(page.Locator("#reference-info")).ToContainTextAsync(UiServer.ReferenceText);

        var baseline = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#reference-download-baseline"));
        Assert.True(new FileInfo(await baseline.PathAsync()).Length > 1000);

        // Saving with nothing changed is refused on the field; the text alone can be overridden.
        await page.ClickAsync("#reference-form button[type=submit]");
        await Expect(page.Locator("#reference-text")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.FillAsync("#reference-text", "A text-only override.");
        await page.ClickAsync("#reference-form button[type=submit]");
        await Expect(page.Locator("#reference-info")).ToContainTextAsync("A text-only override.");
        await Expect(page.Locator("#reference-download-override")).ToBeDisabledAsync();
        await Expect(page.Locator("#reference-reset")).ToBeEnabledAsync();

        await page.FillAsync("#reference-text", "An override transcript for the test.");
        await page.SetInputFilesAsync("#reference-audio", UiServer.ReferenceWav);
        await page.ClickAsync("#reference-form button[type=submit]");
        await Expect(page.Locator("#reference-info")).ToContainTextAsync("An override transcript for the test.");
        await Expect(page.Locator($"#voices-table tr[data-voice='{UiServer.F5Voice}']")).ToContainTextAsync("reference overridden");
        await Expect(page.Locator("#reference-download-override")).ToBeEnabledAsync();
        var overridden = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#reference-download-override"));
        Assert.True(new FileInfo(await overridden.PathAsync()).Length > 1000);
        await Screenshots.SaveAsync(page, "voices-reference-1280x720", fullPage: true);

        await page.ClickAsync("#reference-reset");
        await Expect(page.Locator("#reference-download-override")).ToBeDisabledAsync();
        await Expect(page.Locator("#reference-text")).ToHaveValueAsync(UiServer.ReferenceText);
        await Expect(page.Locator($"#voices-table tr[data-voice='{UiServer.F5Voice}']")).Not.ToContainTextAsync("reference overridden");
        Assert.Empty(Fixture.PageErrors[page]);
    }

    [Fact]
    public async Task APreviewSpeaksWithTheVoice()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Preview {UiServer.EspeakVoice}" }).ClickAsync();
        await Expect(page.Locator("#voice-preview-audio")).ToHaveAttributeAsync("data-voice", UiServer.EspeakVoice);
        await Expect(page.Locator("#voice-preview-audio")).ToHaveAttributeAsync("src", new Regex("^data:audio/wav;base64,UklGR"));
    }

    [Fact]
    public async Task RecordingFromTheMicrophoneGivesAWavToUpload()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/#voices");
        await page.ClickAsync("#add-record");
        await Expect(page.Locator("#add-record")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync("Number(document.querySelector('#add-record-state').dataset.seconds) >= 1.5");
        await page.ClickAsync("#add-record");
        await Expect(page.Locator("#add-record-state")).ToContainTextAsync("Recorded");
        await Expect(page.Locator("#add-record-preview")).ToBeVisibleAsync();

        // The recording is what gets uploaded: too short for a transcript check, but decoded by the server as audio.
        await page.FillAsync("#add-id", "recorded-voice");
        await page.SelectOptionAsync("#add-engine", "f5");
        await page.FillAsync("#add-text", "A short beep.");
        await page.ClickAsync("#add-voice-form button[type=submit]");
        await Expect(page.Locator("#voices-table tr[data-voice='recorded-voice']")).ToHaveCountAsync(1);
    }
}
