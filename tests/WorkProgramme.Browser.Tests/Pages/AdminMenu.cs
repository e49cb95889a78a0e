using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>The header's administration menu (a disclosure): opened with the keyboard, as without a mouse, then one of its links followed.</summary>
public static class AdminMenu
{
    public static async Task FollowAsync(IPage page, string link)
    {
        var header = page.Locator("header");
        var target = header.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
        await Expect(target).ToBeHiddenAsync();
        await header.Locator("details.nav-menu > summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(target).ToBeVisibleAsync();
        await target.ClickAsync();
    }
}
