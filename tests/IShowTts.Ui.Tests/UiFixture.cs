// One real server and one headless Chromium per test class (xunit class fixture). Chromium is Debian's
// (/usr/bin/chromium, or ISHOWTTS_CHROMIUM), driven through Playwright's bundled driver: no browser
// download. Without Chromium or espeak the tests skip and say which package to install.
using Microsoft.Playwright;

namespace IShowTts.Ui.Tests;

public class UiFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("ISHOWTTS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private UiServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>false: F5 without a model, to show readiness problems.</summary>
    protected virtual bool F5Loaded => true;

    internal UiServer Server => _server ?? throw new InvalidOperationException("the server has not started");

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        _server = await UiServer.StartAsync(F5Loaded);
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--autoplay-policy=no-user-gesture-required", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
        });
    }

    /// <summary>A fresh browser context (own localStorage) and page at the given size; skips without Chromium/espeak.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 720, string locale = "en-US")
    {
        if (_browser is null) Assert.Skip($"chromium is not installed: {ChromiumPath} is missing (Debian package chromium)");
        if (!UiServer.EspeakReady) Assert.Skip("libespeak-ng is not installed (Debian packages libespeak-ng1 espeak-ng-data)");
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale,
            BaseURL = Server.BaseAddress.ToString(),
            Permissions = ["microphone"],
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        lock (_contexts) _contexts.Add(context);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        PageErrors[page] = errors;
        return page;
    }

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Closes every page opened so far (called after each test: no player or poller outlives its test).</summary>
    public async Task ClosePagesAsync()
    {
        IBrowserContext[] open;
        lock (_contexts) { open = [.. _contexts]; _contexts.Clear(); }
        foreach (var context in open) await context.CloseAsync();
    }

    /// <summary>Uncaught script errors of a page: a page with any fails its test.</summary>
    public Dictionary<IPage, List<string>> PageErrors { get; } = [];

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A server whose F5 engine has no model: the status page must say how to get it.</summary>
public sealed class MissingModelFixture : UiFixture
{
    protected override bool F5Loaded => false;
}
