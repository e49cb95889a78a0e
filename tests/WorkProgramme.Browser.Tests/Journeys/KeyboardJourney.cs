using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>A reader who uses only the keyboard: skip link, filters, submit; focus always visible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardJourney(BrowserApp app) : IAsyncLifetime
{
    // Far more than the focusable elements between two stops on the page: a missed stop fails instead of looping.
    private const int MaxTabs = 15;

    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task A_keyboard_user_skips_to_the_content_and_filters_by_priority_without_a_mouse(string language)
    {
        var ui = Ui.For(language);
        page = await app.NewPageAsync(language);
        var programme = await ProgrammePage.OpenAsync(page, ui);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = ui.SkipToContent, Exact = true })).ToBeFocusedAsync();
        await AssertFocusIsVisibleAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        var priority = programme.Filter(ui.PriorityFilter);
        await TabUntilFocusedAsync(priority);
        await page.Keyboard.PressAsync("C");
        await Expect(priority).ToHaveValueAsync("C");

        await TabUntilFocusedAsync(programme.ApplyButton);
        var query = await programme.ExpectedQueryAsync();
        await page.Keyboard.PressAsync("Enter");
        await programme.WaitForQueryAsync(query);

        Assert.Contains("priority=C", query, StringComparison.Ordinal);
        Assert.Equal((2, 94), await programme.ShownCountAsync());
        await Expect(programme.Filter(ui.PriorityFilter)).ToHaveValueAsync("C");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, checking that every stop on the way shows it.</summary>
    private async Task TabUntilFocusedAsync(ILocator target)
    {
        for (var tabs = 1; tabs <= MaxTabs; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusIsVisibleAsync();
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{target} never got the focus in {MaxTabs} presses of Tab.");
    }

    private async Task AssertFocusIsVisibleAsync()
    {
        var focused = await page.EvaluateAsync<FocusStyle>(
            """
            () => {
                const element = document.activeElement;
                const style = getComputedStyle(element);
                return { element: element.outerHTML.slice(0, 120), outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
            }
            """);
        Assert.True(focused.OutlineStyle != "none" && focused.OutlineWidth != "0px", $"No visible focus outline on {focused.Element} ({focused.OutlineStyle} {focused.OutlineWidth})");
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }

    private sealed class FocusStyle
    {
        public string Element { get; set; } = "";

        public string OutlineStyle { get; set; } = "";

        public string OutlineWidth { get; set; } = "";
    }
}
