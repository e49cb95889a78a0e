using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/compare: what a revision changed between two versions, with counts and the Word redline.</summary>
public sealed class ComparePage(IPage page, EditorUi ui)
{
    public IPage Page => page;

    public static async Task<ComparePage> ShownAsync(IPage page, EditorUi ui)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/compare", StringComparison.Ordinal));
        var compare = new ComparePage(page, ui);
        await Expect(compare.Title).ToHaveTextAsync(ui.CompareTitle);
        return compare;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>"2024-04 (…) · Endorsed" beside "From" or "To" in the page head.</summary>
    public ILocator Version(string which) => page.Locator($"main .page-head dd[data-version='{which}']");

    /// <summary>A line of the summary ("1 activities reworded"): kind is added, retired, renumbered, reworded, status-changed or unchanged.</summary>
    public ILocator CountLine(string kind) => page.Locator($"ul.summary-counts li[data-count='{kind}']");

    public async Task<int> CountAsync(string kind) =>
        int.Parse(await CountLine(kind).Locator("strong").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>The changed activities listed under the summary, both sections.</summary>
    public ILocator Changes => page.Locator("main article.change");

    public ILocator Change(string reference) =>
        Changes.Filter(new() { Has = page.Locator("h3").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }) });

    public ILocator RedlineLink => page.GetByRole(AriaRole.Link, new() { Name = ui.Redline, Exact = true });
}
