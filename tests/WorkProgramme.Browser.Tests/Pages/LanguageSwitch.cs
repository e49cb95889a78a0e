using Microsoft.Playwright;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>The "Français / English" links in the header, in the navigation named "Langue" / "Language".</summary>
public sealed class LanguageSwitch(IPage page, Ui current)
{
    public ILocator Navigation =>
        page.GetByRole(AriaRole.Navigation, new() { Name = current.LanguageNavigation, Exact = true });

    public ILocator Link(Ui language) =>
        Navigation.GetByRole(AriaRole.Link, new() { Name = language.LanguageName, Exact = true });

    /// <summary>Clicks the other language and waits until the page comes back in it.</summary>
    public async Task<Ui> SwitchToAsync(Ui language)
    {
        await Link(language).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language.Code);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = language.LanguageNavigation, Exact = true })).ToBeVisibleAsync();
        return language;
    }
}
