using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// Two editors, each in their own browser, edit the same activity: the one who saves second is told, in the page's
/// language, that someone saved meanwhile. The field they left untouched now holds the first editor's value, the field
/// both changed keeps their text with the first editor's shown beside it, and saving the form as it stands keeps both
/// editors' changes.
/// </summary>
[Collection(EditCollection.Name)]
public sealed class EditConflictJourney(BrowserApp app) : IAsyncLifetime
{
    private const string Body = "CTP";

    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_second_editor_to_save_gets_the_first_ones_change_where_they_changed_nothing_keeps_their_text_and_saves_both(string language)
    {
        var ui = EditorUi.For(language);
        var reference = language == "fr" ? "I.5" : "I.36";
        var run = Guid.NewGuid().ToString("N")[..8];
        var firstEditor = await SignedInAsync(language, await app.UserAsync(Roles.Editor, Body));
        var secondEditor = await SignedInAsync(language, await app.UserAsync(Roles.Editor, Body));

        // Both open the activity's edit page from the programme, before either saves.
        var first = await (await OpenActivityAsync(firstEditor, ui, reference)).OpenEditAsync(ui);
        var activityPath = new Uri(firstEditor.Url).AbsolutePath[..^"/edit".Length];
        var second = await (await OpenActivityAsync(secondEditor, ui, reference)).OpenEditAsync(ui);
        var editPath = new Uri(secondEditor.Url).AbsolutePath;
        var title = await second.ActivityTitle.InputValueAsync();
        var kpi = await first.Kpi.InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(kpi), $"{reference} has a title and a KPI in {language}");
        var firstKpi = $"{kpi} (A {run})";
        var firstTitle = $"{title} (A {run})";
        var secondTitle = $"{title} (B {run})";

        // The first editor changes the KPI and the title, and saves.
        await ReportPage.TypeOverAsync(first.Kpi, firstKpi);
        await ReportPage.TypeOverAsync(first.ActivityTitle, firstTitle);
        await first.SaveAsync();
        await Expect(first.Kpi).ToHaveValueAsync(firstKpi);

        // The second, on the version they opened, changes the title only and saves: refused; the KPI they left now holds
        // the first editor's, their title is kept and the first editor's is shown beside it.
        await ReportPage.TypeOverAsync(second.ActivityTitle, secondTitle);
        await second.SaveIntoConflictAsync();
        await Expect(secondEditor.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(second.Conflict).ToHaveAttributeAsync("role", "alert");
        await Expect(second.Conflict).ToContainTextAsync(ui.ConflictTitle);
        await Expect(second.Conflict).ToContainTextAsync(ui.ConflictHelp);
        await Expect(second.TakenFromTheirs).ToHaveTextAsync($"{ui.TakenFromTheirs} {second.ConflictLabel(ui.KpiLegend)}");
        await Expect(second.TheirValue(second.ConflictLabel(ui.KpiLegend))).ToHaveCountAsync(0);
        await Expect(second.TheirValue(second.ConflictLabel(ui.TitleLegend))).ToContainTextAsync(ui.TheirValue);
        await Expect(second.TheirValue(second.ConflictLabel(ui.TitleLegend))).ToContainTextAsync(firstTitle);
        await Expect(second.ActivityTitle).ToHaveValueAsync(secondTitle);
        await Expect(second.Kpi).ToHaveValueAsync(firstKpi);
        await Screenshots.SaveAsync(secondEditor, $"edit-conflict-{language}");
        var axe = await secondEditor.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        // The first editor's changes are what is saved; nothing of the second's went in.
        var saved = await ActivityPage.OpenAsync(firstEditor, ui.Reader, activityPath);
        await Expect(saved.Field(ui.KpiLegend)).ToContainTextAsync(firstKpi);
        await Expect(saved.Title).ToHaveTextAsync(firstTitle);

        // The second editor saves the form as it stands: their title replaces the first's, the first's KPI stays.
        await second.SaveAsync();
        await Expect(second.Conflict).ToHaveCountAsync(0);
        await Expect(second.Kpi).ToHaveValueAsync(firstKpi);
        await Expect(second.ActivityTitle).ToHaveValueAsync(secondTitle);
        Assert.Equal(editPath, new Uri(secondEditor.Url).AbsolutePath);

        saved = await ActivityPage.OpenAsync(firstEditor, ui.Reader, activityPath);
        await Expect(saved.Title).ToHaveTextAsync(secondTitle);
        await Expect(saved.Field(ui.KpiLegend)).ToContainTextAsync(firstKpi);
    }

    /// <summary>Opens the activity from its number link on the programme page, as an editor finds it.</summary>
    private static async Task<ActivityPage> OpenActivityAsync(IPage page, EditorUi ui, string reference) =>
        await (await ProgrammePage.OpenAsync(page, ui.Reader)).OpenActivityAsync(reference);

    private async Task<IPage> SignedInAsync(string language, (string Email, string Password) user)
    {
        var page = await app.NewPageAsync(language);
        pages.Add(page);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(user.Email, user.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}

/// <summary>
/// The editing journeys (a conflict, a revision) change the programme the reading journeys count: they get their own
/// app and database, whatever order the runner picks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EditCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser edits";
}
