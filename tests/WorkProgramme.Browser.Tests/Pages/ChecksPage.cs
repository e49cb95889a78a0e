using Microsoft.Playwright;
using WorkProgramme.Testing;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/checks: the rule violations, counted by rule and then listed under each rule.</summary>
public sealed class ChecksPage(IPage page, Ui ui)
{
    public IPage Page => page;

    public static async Task<ChecksPage> OpenAsync(IPage page, Ui ui, string slug = SeedFile.PtcSlug)
    {
        await page.GotoAsync($"/programmes/{slug}/checks");
        return await ShownAsync(page, ui);
    }

    public static async Task<ChecksPage> ShownAsync(IPage page, Ui ui)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/checks", StringComparison.Ordinal));
        var checks = new ChecksPage(page, ui);
        await Assertions.Expect(checks.Title).ToBeVisibleAsync();
        return checks;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>The "to act on: N" count in the page head: errors and the warnings an editor must fix.</summary>
    public ILocator ErrorCount => page.Locator("main .page-head [data-testid=to-act-on]");

    /// <summary>The rows of the "to act on" summary whose severity is error.</summary>
    public ILocator ErrorRules =>
        page.Locator("section[data-testid=groups-to-act] tbody tr").Filter(new() { Has = page.Locator("td.finding--error") });

    /// <summary>The references (II.20, …) listed under every rule of error severity.</summary>
    public async Task<IReadOnlyList<string>> ErrorReferencesAsync()
    {
        var anchors = await ErrorRules.Locator("th a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var references = new List<string>();
        foreach (var anchor in anchors)
        {
            var rows = page.Locator($"section[aria-labelledby='{anchor.TrimStart('#')}'] .findings-table tbody th");
            references.AddRange((await rows.AllInnerTextsAsync()).Select(text => text.Trim()));
        }

        return references;
    }

    public LanguageSwitch LanguageSwitch => new(page, ui);
}
