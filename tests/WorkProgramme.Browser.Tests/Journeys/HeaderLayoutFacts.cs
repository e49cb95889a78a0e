using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// The site header of an administrator, measured by the browser's boxes: at 1280 px its navigation is one line (the
/// administrator's pages under one "Administration" menu), and on a phone the menu opens inside the window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeaderLayoutFacts(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task At_1280_pixels_an_administrators_navigation_stays_on_one_line_and_its_menu_opens_below_it(string language)
    {
        page = await SignedInAdminAsync(language, 1280, 800);
        await Screenshots.SaveAsync(page, $"header-admin-1280-{language}");

        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('header .nav > li')].map(li => li.getBoundingClientRect().top)");
        Assert.True(tops.Length >= 4, $"{tops.Length} entries in the navigation");
        Assert.True(tops.Max() - tops.Min() < 4, $"the navigation's entries stand at {string.Join(", ", tops)} px: more than one line");

        await OpenMenuAsync();
        await Screenshots.SaveAsync(page, $"header-admin-1280-{language}-menu");
        Assert.True(await FitsAsync(), "the open menu leaves the window");
    }

    [Fact]
    public async Task On_a_phone_the_administration_menu_opens_inside_the_window()
    {
        page = await SignedInAdminAsync("fr", 390, 844);
        await Screenshots.SaveAsync(page, "header-admin-390-fr");

        await OpenMenuAsync();
        await Screenshots.SaveAsync(page, "header-admin-390-fr-menu");
        Assert.True(await FitsAsync(), "the open menu leaves the window");
    }

    private async Task<IPage> SignedInAdminAsync(string language, int width, int height)
    {
        var (email, password) = await app.UserAsync(Roles.Admin);
        var opened = await app.NewPageAsync(language);
        await opened.SetViewportSizeAsync(width, height);
        await (await SignInPage.OpenAsync(opened, RoundUi.For(language))).SignInAsync(email, password);
        return opened;
    }

    private async Task OpenMenuAsync()
    {
        var menu = page.Locator("header details.nav-menu");
        await menu.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(menu.Locator("a").Last).ToBeVisibleAsync();
    }

    /// <summary>Every link of the open menu is inside the window, and the page does not scroll sideways.</summary>
    private Task<bool> FitsAsync() => page.EvaluateAsync<bool>("""
        () => {
            const width = document.documentElement.clientWidth;
            const links = [...document.querySelectorAll('header details.nav-menu a')];
            return links.length > 0 && document.documentElement.scrollWidth <= width
                && links.every(a => { const box = a.getBoundingClientRect(); return box.width > 0 && box.left >= 0 && box.right <= width; });
        }
        """);

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
