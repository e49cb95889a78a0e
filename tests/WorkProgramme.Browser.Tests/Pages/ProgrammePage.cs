using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkProgramme.Testing;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}: the two sections of the programme, their rows and the filters above them.</summary>
public sealed partial class ProgrammePage(IPage page, Ui ui)
{
    public IPage Page => page;

    public Ui Ui => ui;

    public static async Task<ProgrammePage> OpenAsync(IPage page, Ui ui, string slug = SeedFile.PtcSlug, string query = "")
    {
        await page.GotoAsync($"/programmes/{slug}{query}");
        return await ShownAsync(page, ui);
    }

    /// <summary>The programme page the browser is on (or is going to), once its heading is there.</summary>
    public static async Task<ProgrammePage> ShownAsync(IPage page, Ui ui)
    {
        await page.WaitForURLAsync(ProgrammeUrl());
        var programme = new ProgrammePage(page, ui);
        await Assertions.Expect(programme.Title).ToBeVisibleAsync();
        return programme;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>The heading of section I (1) or II (2), with its row count in brackets.</summary>
    public ILocator SectionHeading(int section) => page.Locator($"h2#section-{section}");

    public ILocator Rows(int section) =>
        page.Locator($"section[aria-labelledby='section-{section}'] table.programme tbody tr");

    /// <summary>The filter select whose label says <paramref name="label"/>, found as a reader finds it: by its label.</summary>
    public ILocator Filter(string label) => page.GetByLabel(label);

    public async Task ChooseAsync(string label, string option) =>
        await Filter(label).SelectOptionAsync(new SelectOptionValue { Label = option });

    public ILocator ApplyButton => page.GetByRole(AriaRole.Button, new() { Name = ui.Apply, Exact = true });

    /// <summary>Submits the filters with the button and waits for the filtered page.</summary>
    public async Task ApplyAsync()
    {
        var query = await ExpectedQueryAsync();
        await ApplyButton.ClickAsync();
        await WaitForQueryAsync(query);
    }

    /// <summary>The query string the filter form will submit as it stands now.</summary>
    public async Task<string> ExpectedQueryAsync() =>
        await page.Locator("form.filters").EvaluateAsync<string>("form => new URLSearchParams(new FormData(form)).toString()");

    public async Task WaitForQueryAsync(string query)
    {
        await page.WaitForURLAsync(url => new Uri(url).Query.TrimStart('?') == query);
        await Assertions.Expect(Title).ToBeVisibleAsync();
    }

    /// <summary>The "N of M activities shown" line under the filters.</summary>
    public ILocator ShownStatus => page.Locator("form.filters [role=status]");

    public async Task<(int Shown, int Total)> ShownCountAsync()
    {
        var match = TwoNumbers().Match(await ShownStatus.InnerTextAsync());
        Assert.True(match.Success, $"No counts in the status line of {page.Url}");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The execution level cells of section I: a colour class and the word that says it.</summary>
    public ILocator ExecutionLevels => page.Locator("table.programme--time-bound td.level");

    /// <summary>The priority cell of every shown row, both sections.</summary>
    public ILocator PriorityCells => page.Locator("table.programme tbody tr > td:nth-of-type(1)");

    /// <summary>The status keyword written at the top of every shown row's status cell.</summary>
    public ILocator KeywordCells => page.Locator("table.programme tbody td.status-text .keyword");

    /// <summary>The number link of an activity, named "Open activity I.11" for screen readers.</summary>
    public ILocator ActivityLink(string reference) =>
        page.GetByRole(AriaRole.Link, new() { Name = string.Format(CultureInfo.InvariantCulture, ui.OpenActivity, reference), Exact = true });

    public async Task<ActivityPage> OpenActivityAsync(string reference)
    {
        await ActivityLink(reference).ClickAsync();
        return await ActivityPage.ShownAsync(page, ui);
    }

    public ILocator ChecksLink => page.Locator("main .actions").GetByRole(AriaRole.Link, new() { Name = ui.Checks });

    public async Task<ChecksPage> OpenChecksAsync()
    {
        await ChecksLink.ClickAsync();
        return await ChecksPage.ShownAsync(page, ui);
    }

    /// <summary>The facts under the title: version, document, state, and the sessions whose status is shown.</summary>
    public ILocator Facts => page.Locator("main .page-head .facts");

    /// <summary>The row of activity <paramref name="reference"/>, found by its number link.</summary>
    public ILocator Row(string reference) => page.Locator("table.programme tbody tr").Filter(new() { Has = ActivityLink(reference) });

    /// <summary>The "Reporting round" button, shown to the Secretariat only.</summary>
    public ILocator RoundsLink(RoundUi words) =>
        page.Locator("main .actions").GetByRole(AriaRole.Link, new() { Name = words.Round, Exact = true });

    public async Task<RoundsPage> OpenRoundsAsync(RoundUi words)
    {
        await RoundsLink(words).ClickAsync();
        return await RoundsPage.ShownAsync(page, words);
    }

    /// <summary>A download button of the page head, by its name ("Word document (EN)", "PDF (EN)", "Excel").</summary>
    public ILocator DownloadLink(string name) =>
        page.Locator("main .actions").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<VersionsPage> OpenVersionsAsync(EditorUi words)
    {
        await page.Locator("main .actions").GetByRole(AriaRole.Link, new() { Name = words.VersionsLink, Exact = true }).ClickAsync();
        return await VersionsPage.ShownAsync(page, words);
    }

    public LanguageSwitch LanguageSwitch => new(page, ui);

    [GeneratedRegex(@"^/programmes/[^/]+$")]
    private static partial Regex ProgrammePath();

    [GeneratedRegex(@"(\d+)\D+(\d+)")]
    private static partial Regex TwoNumbers();

    private static Func<string, bool> ProgrammeUrl() => url => ProgrammePath().IsMatch(new Uri(url).AbsolutePath);
}
