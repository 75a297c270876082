// Saves page screenshots under the test output (screenshots/<name>.png next to the test assembly), for
// the documentation (docs/ui/) and for looking at a failure.
using Microsoft.Playwright;

namespace IShowTts.Ui.Tests;

internal static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false, bool transparent = false)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage, OmitBackground = transparent, Animations = ScreenshotAnimations.Disabled });
    }
}
