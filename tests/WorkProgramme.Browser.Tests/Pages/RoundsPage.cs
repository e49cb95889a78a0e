using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/rounds: the sessions of the programme's body, each with a round to open or to see.</summary>
public sealed class RoundsPage(IPage page, RoundUi ui)
{
    public IPage Page => page;

    public static async Task<RoundsPage> ShownAsync(IPage page, RoundUi ui)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/rounds", StringComparison.Ordinal));
        var rounds = new RoundsPage(page, ui);
        await Expect(rounds.Title).ToHaveTextAsync(ui.Round);
        return rounds;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>
    /// The "Open a reporting round" button of a session's row (its accessible name ends with the session's name); the
    /// row's form posts the session key.
    /// </summary>
    public ILocator OpenButton(string sessionKey) =>
        page.Locator($"form:has(input[name=session][value='{sessionKey}'])").GetByRole(AriaRole.Button, new() { Name = ui.OpenRound });

    public async Task<RoundPage> OpenRoundAsync(string sessionKey)
    {
        await OpenButton(sessionKey).ClickAsync();
        return await RoundPage.ShownAsync(page, ui, sessionKey);
    }
}
