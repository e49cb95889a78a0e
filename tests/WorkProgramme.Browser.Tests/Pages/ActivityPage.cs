using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/activities/{id}: every field of one activity, the rules it breaks, its history.</summary>
public sealed partial class ActivityPage(IPage page, Ui ui)
{
    public IPage Page => page;

    /// <summary>Opens the activity at <paramref name="path"/> (/programmes/{slug}/activities/{id}).</summary>
    public static async Task<ActivityPage> OpenAsync(IPage page, Ui ui, string path)
    {
        await page.GotoAsync(path);
        return await ShownAsync(page, ui);
    }

    public static async Task<ActivityPage> ShownAsync(IPage page, Ui ui)
    {
        await page.WaitForURLAsync(url => ActivityPath().IsMatch(new Uri(url).AbsolutePath));
        var activity = new ActivityPage(page, ui);
        await Assertions.Expect(activity.Title).ToBeVisibleAsync();
        return activity;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>The eyebrow above the title: section, number, previous number and revision.</summary>
    public ILocator Eyebrow => page.Locator("main .page-head .eyebrow");

    public ILocator FieldLabels => page.Locator("main .fields > div > dt");

    /// <summary>The value shown beside the field labelled <paramref name="label"/>.</summary>
    public ILocator Field(string label) =>
        page.Locator("main .fields > div").Filter(new() { Has = page.Locator("dt").GetByText(label, new() { Exact = true }) }).Locator("dd");

    public ILocator Errors => page.Locator("main .finding--error");

    public ILocator StatusCards => page.Locator("main .status-card");

    /// <summary>The "Edit" button, shown to the Secretariat.</summary>
    public ILocator EditLink(EditorUi words) =>
        page.Locator("main .page-head .actions").GetByRole(AriaRole.Link, new() { Name = words.EditLink, Exact = true });

    public async Task<EditActivityPage> OpenEditAsync(EditorUi words)
    {
        await EditLink(words).ClickAsync();
        return await EditActivityPage.ShownAsync(page, words);
    }

    public LanguageSwitch LanguageSwitch => new(page, ui);

    [GeneratedRegex(@"^/programmes/[^/]+/activities/[0-9a-f-]{36}$")]
    private static partial Regex ActivityPath();
}
