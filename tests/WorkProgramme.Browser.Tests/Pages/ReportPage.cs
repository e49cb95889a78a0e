using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/rounds/{session}/reports/{activityId}: one activity's status report for the round.</summary>
public sealed partial class ReportPage(IPage page, RoundUi ui)
{
    public IPage Page => page;

    public static async Task<ReportPage> OpenAsync(IPage page, RoundUi ui, string path, string reference)
    {
        await page.GotoAsync(path);
        return await ShownAsync(page, ui, reference);
    }

    public static async Task<ReportPage> ShownAsync(IPage page, RoundUi ui, string reference)
    {
        await page.WaitForURLAsync(url => ReportPath().IsMatch(new Uri(url).AbsolutePath));
        var report = new ReportPage(page, ui);
        await Expect(report.Title).ToBeVisibleAsync();
        await Expect(report.Eyebrow).ToContainTextAsync($"{reference} ·");
        return report;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>"I.1 · ctp-245-246" above the title.</summary>
    public ILocator Eyebrow => page.Locator("main .page-head .eyebrow");

    public ILocator KeywordSelect => page.GetByLabel(LabelStarting(ui.Keyword));

    /// <summary>The execution level shown beside the keyword, which a script keeps in step with the choice.</summary>
    public ILocator Level => page.Locator("#level");

    public ILocator Narrative(string language) => Bilingual(ui.Narrative, language);

    public ILocator NextSteps(string language) => Bilingual(ui.NextSteps, language);

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = ui.Save, Exact = true });

    public ILocator SavedMessage => page.GetByRole(AriaRole.Status).Filter(new() { HasText = ui.Saved });

    public ILocator Problem => page.Locator("#report-problem");

    public async Task ChooseKeywordAsync(string keyword) =>
        await KeywordSelect.SelectOptionAsync(new SelectOptionValue { Label = keyword });

    /// <summary>Replaces the text of a field with <paramref name="text"/>, as a user selecting it all and typing over it.</summary>
    public static async Task TypeOverAsync(ILocator field, string text)
    {
        await field.ClickAsync();
        await field.PressAsync("ControlOrMeta+a");
        await field.PressAsync("Delete");
        await field.PressSequentiallyAsync(text);
    }

    /// <summary>Saves and waits for the report to come back with "Changes saved."</summary>
    public async Task SaveAsync()
    {
        await SaveButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("saved=1", StringComparison.Ordinal));
        await Expect(SavedMessage).ToBeVisibleAsync();
    }

    public async Task<RoundPage> BackToRoundAsync(string sessionKey)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = ui.BackToRound, Exact = true }).ClickAsync();
        return await RoundPage.ShownAsync(page, ui, sessionKey);
    }

    /// <summary>The "Français" or "English" box of the fieldset whose legend is <paramref name="legend"/>.</summary>
    private ILocator Bilingual(string legend, string language) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true })
            .GetByLabel(LabelStarting(language == "fr" ? "Français" : "English"));

    /// <summary>
    /// A control wrapped in its label has the label's words then its own value as accessible name ("Keyword Ongoing",
    /// "English Draft being written"): only the start of the name is the label.
    /// </summary>
    private static Regex LabelStarting(string label) => new($"^{Regex.Escape(label)}(\\s|$)");

    [GeneratedRegex(@"^/programmes/[^/]+/rounds/[^/]+/reports/[0-9a-f-]{36}$")]
    private static partial Regex ReportPath();
}
