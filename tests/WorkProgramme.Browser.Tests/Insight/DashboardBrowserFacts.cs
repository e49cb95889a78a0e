using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;

namespace WorkProgramme.Browser.Tests.Insight;

/// <summary>The dashboard in a real browser, in French and English, on screen and in print; axe finds nothing serious.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserFacts(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", "Tableau de bord", "Bleu", "Règle non respectée.")]
    [InlineData("en", "Dashboard", "Blue", "Rule broken.")]
    public async Task The_dashboard_renders_its_charts_with_their_numbers(string language, string title, string blue, string ruleBroken)
    {
        page = await app.NewPageAsync(language);
        var dashboard = await DashboardPage.OpenAsync(page);

        await Assertions.Expect(dashboard.Title).ToHaveTextAsync(title);
        // Level, priority, task type, section, coverage, progress, and slippage: the shipped revision moved deadlines.
        await Assertions.Expect(dashboard.Charts).ToHaveCountAsync(7);
        await Assertions.Expect(dashboard.TableValue("level", blue)).ToHaveTextAsync("73");
        await Assertions.Expect(dashboard.LinkRule).ToContainTextAsync(ruleBroken);
        var box = await dashboard.ChartImage("coverage").BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 200 }, "the coverage chart is drawn at a readable size");
        await Screenshots.SaveAsync(page, $"dashboard-{language}", fullPage: true);

        var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => $"{v.Id}: {v.Help} {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    [Fact]
    public async Task In_print_the_charts_stay_and_the_form_goes()
    {
        page = await app.NewPageAsync("en");
        var dashboard = await DashboardPage.OpenAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(dashboard.ChooseForm).ToBeHiddenAsync();
        await Assertions.Expect(dashboard.ChartImage("coverage")).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.Chart("coverage").Locator("table")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-print", fullPage: true);
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
