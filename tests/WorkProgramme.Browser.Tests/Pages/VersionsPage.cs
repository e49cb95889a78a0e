using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/versions: the versions and, for editors, starting a revision and recording its adoption.</summary>
public sealed class VersionsPage(IPage page, EditorUi ui)
{
    public IPage Page => page;

    public static async Task<VersionsPage> ShownAsync(IPage page, EditorUi ui)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/versions", StringComparison.Ordinal));
        var versions = new VersionsPage(page, ui);
        await Expect(versions.Title).ToHaveTextAsync(ui.VersionsLink);
        return versions;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>The row of version <paramref name="label"/> in the table.</summary>
    public ILocator Row(string label) => page.Locator($"table.versions tbody tr[data-version='{label}']");

    /// <summary>The label of the newest version: the table lists the newest first.</summary>
    public ILocator LatestLabel => page.Locator("table.versions tbody tr").First.Locator("th");

    public ILocator Notice => page.Locator("main .notice[role=status]");

    public ILocator StartForm => page.GetByRole(AriaRole.Form, new() { Name = ui.StartRevision, Exact = true });

    /// <summary>
    /// Fills the new version's label and the session it is prepared for in the "Start a revision" form, submits, and
    /// waits for the notice that names it.
    /// </summary>
    public async Task StartRevisionAsync(string label, string session)
    {
        var field = StartForm.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(ui.VersionLabel)}") });
        await field.ClickAsync();
        await field.PressSequentiallyAsync(label);
        await StartForm.Locator("select[name=Session]").SelectOptionAsync(session);
        await StartForm.GetByRole(AriaRole.Button, new() { Name = ui.StartRevision, Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, ui.Started, label));
    }

    /// <summary>Records the next adoption step of the newest version (a draft is endorsed) at the first session offered.</summary>
    public async Task RecordAdoptionAsync(string label)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = $"{ui.RecordAdoption} — {label}", Exact = true });
        await form.GetByRole(AriaRole.Button, new() { Name = ui.RecordAdoption, Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, ui.Recorded, label));
    }

    public async Task<ComparePage> OpenCompareAsync()
    {
        await page.Locator("main .page-head").GetByRole(AriaRole.Link, new() { Name = ui.CompareLink, Exact = true }).ClickAsync();
        return await ComparePage.ShownAsync(page, ui);
    }
}
