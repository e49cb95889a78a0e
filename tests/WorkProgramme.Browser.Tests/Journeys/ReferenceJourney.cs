using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// An editor writes a reference to another activity as its section and number, "[[II.2]]": after saving, the edit form
/// shows it the same way, and the activity page shows the number as a link to that activity, in French and English.
/// </summary>
[Collection(EditCollection.Name)]
public sealed class ReferenceJourney(BrowserApp app) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", "II.12", "Voir aussi l’activité [[II.2]].")]
    [InlineData("en", "II.13", "See also activity [[II.2]].")]
    public async Task A_reference_written_as_section_and_number_reads_the_same_in_the_form_and_links_to_the_activity(string language, string reference, string sentence)
    {
        var ui = EditorUi.For(language);
        var editor = await app.NewPageAsync(language);
        pages.Add(editor);
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        await (await SignInPage.OpenAsync(editor, RoundUi.For(language))).SignInAsync(email, password);
        var target = await (await ProgrammePage.OpenAsync(editor, ui.Reader)).OpenActivityAsync("II.2");
        var targetPath = new Uri(target.Page.Url).AbsolutePath;

        var edit = await (await (await ProgrammePage.OpenAsync(editor, ui.Reader)).OpenActivityAsync(reference)).OpenEditAsync(ui);
        var kpi = $"{(await edit.Kpi.InputValueAsync()).Trim()} {sentence}".TrimStart();
        await ReportPage.TypeOverAsync(edit.Kpi, kpi);
        await edit.SaveAsync();

        await Expect(edit.Kpi).ToHaveValueAsync(kpi);
        await edit.Kpi.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(editor, $"edit-reference-{language}");
        var activityPath = new Uri(editor.Url).AbsolutePath[..^"/edit".Length];
        var activity = await ActivityPage.OpenAsync(editor, ui.Reader, activityPath);
        var link = activity.Field(ui.KpiLegend).Locator("a.xref");
        await Expect(link).ToHaveTextAsync("2");
        await Expect(link).ToHaveAttributeAsync("href", targetPath);
        await Expect(activity.Field(ui.KpiLegend)).Not.ToContainTextAsync("[[");
    }

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
