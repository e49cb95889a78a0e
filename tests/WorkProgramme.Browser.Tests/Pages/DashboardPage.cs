using Microsoft.Playwright;
using WorkProgramme.Testing;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/dashboard: charts, each with its table, the coverage matrix and the lists of deadlines.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page => page;

    public static async Task<DashboardPage> OpenAsync(IPage page, string slug = SeedFile.PtcSlug)
    {
        await page.GotoAsync($"/programmes/{slug}/dashboard");
        var dashboard = new DashboardPage(page);
        await Assertions.Expect(dashboard.Title).ToBeVisibleAsync();
        return dashboard;
    }

    public ILocator Title => page.Locator("main h1");

    public ILocator Charts => page.Locator("figure.chart svg[role=img]");

    public ILocator Chart(string id) => page.Locator($"figure[data-chart='{id}']");

    /// <summary>The chart's drawing (not the legend's colour swatches).</summary>
    public ILocator ChartImage(string id) => Chart(id).Locator("svg.chart__svg");

    /// <summary>The number of a row of a chart's table, by its row header.</summary>
    public ILocator TableValue(string chart, string row) =>
        Chart(chart).Locator("table tbody tr").Filter(new() { Has = page.Locator($"th:text-is('{row}')") }).Locator("td").First;

    public ILocator ChooseForm => page.Locator("main form.filters");

    public ILocator LinkRule => page.Locator("[data-testid=link-rule]");
}
