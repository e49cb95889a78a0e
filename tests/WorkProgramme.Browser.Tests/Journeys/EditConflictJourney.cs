using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// Two editors, each in their own browser, edit the same activity: the one who saves second is told, in the page's
/// language, that someone saved meanwhile; their input stays in the form, the first editor's change stays saved, and
/// after a reload they save on top of it.
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
    public async Task The_second_editor_to_save_sees_the_conflict_keeps_their_text_and_saves_it_after_a_reload_without_undoing_the_first(string language)
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
        var secondTitle = $"{title} (B {run})";

        // The first editor changes the KPI and saves.
        await ReportPage.TypeOverAsync(first.Kpi, firstKpi);
        await first.SaveAsync();
        await Expect(first.Kpi).ToHaveValueAsync(firstKpi);

        // The second, on the version they opened, changes the title and saves: refused, their text kept, the first's shown.
        await ReportPage.TypeOverAsync(second.ActivityTitle, secondTitle);
        await second.SaveIntoConflictAsync();
        await Expect(secondEditor.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(second.Conflict).ToHaveAttributeAsync("role", "alert");
        await Expect(second.Conflict).ToContainTextAsync(ui.ConflictTitle);
        await Expect(second.Conflict).ToContainTextAsync(ui.ConflictHelp);
        await Expect(second.TheirValue(second.ConflictLabel(ui.KpiLegend))).ToContainTextAsync(ui.TheirValue);
        await Expect(second.TheirValue(second.ConflictLabel(ui.KpiLegend))).ToContainTextAsync(firstKpi);
        await Expect(second.TheirValue(second.ConflictLabel(ui.TitleLegend))).ToContainTextAsync(title);
        await Expect(second.ActivityTitle).ToHaveValueAsync(secondTitle);
        await Expect(second.Kpi).ToHaveValueAsync(kpi);
        await ScreenshotAsync(secondEditor, $"edit-conflict-{language}");

        // The first editor's change is what is saved; nothing of the second's went in.
        var saved = await ActivityPage.OpenAsync(firstEditor, ui.Reader, activityPath);
        await Expect(saved.Field(ui.KpiLegend)).ToContainTextAsync(firstKpi);
        await Expect(saved.Title).ToHaveTextAsync(title);

        // The second editor copies their title, reloads the form (now on the first editor's version) and saves it again.
        var kept = await second.ActivityTitle.InputValueAsync();
        await secondEditor.GotoAsync(editPath);
        second = await EditActivityPage.ShownAsync(secondEditor, ui);
        await Expect(second.Conflict).ToHaveCountAsync(0);
        await Expect(second.Kpi).ToHaveValueAsync(firstKpi);
        await Expect(second.ActivityTitle).ToHaveValueAsync(title);
        await ReportPage.TypeOverAsync(second.ActivityTitle, kept);
        await second.SaveAsync();

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

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
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
