// The base of every browser test class: the class's fixture (one server, one browser) and, after each
// test, the pages it opened closed, so that no chat player, feed or poller of one test acts in the next.
using Microsoft.Playwright;

namespace IShowTts.Ui.Tests;

public abstract class UiTest(UiFixture fixture) : IAsyncDisposable
{
    protected UiFixture Fixture { get; } = fixture;

    /// <summary>
    /// Polls an async page expression (e.g. one that imports a page module) until it is true. Playwright's
    /// WaitForFunction would take the returned promise itself as a true value.
    /// </summary>
    protected static Task WaitForAsync(IPage page, string asyncExpression, double seconds = 30) =>
        Chat.WaitUntilAsync(async () => await page.EvaluateAsync<bool>($"async () => Boolean({asyncExpression})"), asyncExpression, seconds);

    public async ValueTask DisposeAsync()
    {
        await Fixture.ClosePagesAsync();
        GC.SuppressFinalize(this);
    }
}
