using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;

namespace WorkProgramme.Browser.Tests.Accessibility;

/// <summary>axe-core on every page, in both languages: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeFacts(BrowserApp app) : IAsyncLifetime
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_home_page_has_no_serious_accessibility_violation(string language)
    {
        await OpenHomeAsync(language);

        AssertNone(await SeriousViolationsAsync());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_programme_page_has_no_serious_accessibility_violation(string language)
    {
        await OpenProgrammeAsync(language);

        AssertNone(await SeriousViolationsAsync());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task An_activity_page_has_no_serious_accessibility_violation(string language)
    {
        await OpenActivityAsync(language);

        AssertNone(await SeriousViolationsAsync());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_checks_page_has_no_serious_accessibility_violation(string language)
    {
        await OpenChecksAsync(language);

        AssertNone(await SeriousViolationsAsync());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_compare_page_has_no_serious_accessibility_violation(string language)
    {
        page = await app.NewPageAsync(language);
        await page.GotoAsync("/programmes/ptc-2022-2025/compare?from=2023-10&to=2024-04");
        await Assertions.Expect(page.Locator(".summary-counts")).ToBeVisibleAsync();

        AssertNone(await SeriousViolationsAsync());
    }

    private async Task OpenHomeAsync(string language)
    {
        page = await app.NewPageAsync(language);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
    }

    private async Task OpenProgrammeAsync(string language)
    {
        page = await app.NewPageAsync(language);
        await ProgrammePage.OpenAsync(page, Ui.For(language));
    }

    private async Task OpenActivityAsync(string language)
    {
        page = await app.NewPageAsync(language);
        var programme = await ProgrammePage.OpenAsync(page, Ui.For(language));
        await programme.OpenActivityAsync("I.11");
    }

    private async Task OpenChecksAsync(string language)
    {
        page = await app.NewPageAsync(language);
        await ChecksPage.OpenAsync(page, Ui.For(language));
    }

    private async Task<List<AxeResultItem>> SeriousViolationsAsync()
    {
        var result = await page.RunAxe();
        return [.. result.Violations.Where(v => Blocking.Contains(v.Impact))];
    }

    private void AssertNone(List<AxeResultItem> violations) =>
        Assert.True(violations.Count == 0, Describe(page.Url, violations));

    private static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found serious or critical violations on {url}:");
        foreach (var violation in violations)
        {
            text.Append('\n').Append($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Where(m => !string.IsNullOrEmpty(m));
                text.Append('\n').Append($"    {node.Target}: {string.Join(" / ", checks)}");
            }
        }

        return text.ToString();
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
