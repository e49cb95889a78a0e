using Microsoft.Playwright;

namespace WorkProgramme.Browser.Tests;

/// <summary>Pictures of pages for a person to look at (bin/…/screenshots/NAME.png); no test reads them.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>One part of a page, e.g. a chart.</summary>
    public static async Task SaveAsync(ILocator part, string name)
    {
        ArgumentNullException.ThrowIfNull(part);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await part.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }
}
