using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// Saving something unchanged changes nothing (issue 17): an editor opens a status report and an activity whose texts
/// run over several lines (chromium posts their line breaks as CRLF) and presses Save without touching anything. The
/// audit trail, the session's changes page, the digest, the record's version (ETag) and the programme's export stay as
/// they were.
/// </summary>
[Collection(UnchangedSaveCollection.Name)]
public sealed class UnchangedSaveJourney(BrowserApp app) : IAsyncLifetime
{
    private const string Slug = SeedFile.PtcSlug;

    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task A_status_report_saved_without_a_change_changes_nothing_anywhere(string language)
    {
        var ui = RoundUi.For(language);
        var session = await OpenRoundAsync(language == "fr" ? [245, 246] : [247, 248], language == "fr" ? 2030 : 2031);
        var id = await ActivityIdAsync(language == "fr" ? 1 : 2);
        await WriteReportAsync(session, id);
        var page = await SignedInAsync(language);
        var report = await ReportPage.OpenAsync(page, ui, $"/programmes/{Slug}/rounds/{session}/reports/{id}", language == "fr" ? "I.1" : "I.2");
        var before = await EverythingAsync(page, $"/api/programmes/{Slug}/sessions/{session}/status-reports/{id}",
            $"/programmes/{Slug}/sessions/{session}/changes", $"/programmes/{Slug}/sessions/{session}/digest");

        await report.SaveAsync();

        var after = await EverythingAsync(page, $"/api/programmes/{Slug}/sessions/{session}/status-reports/{id}",
            $"/programmes/{Slug}/sessions/{session}/changes", $"/programmes/{Slug}/sessions/{session}/digest");
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task An_activity_saved_without_a_change_changes_nothing_anywhere(string language)
    {
        var ui = EditorUi.For(language);
        var id = await ActivityIdAsync(language == "fr" ? 3 : 4);
        await WriteActivityAsync(id);
        var page = await SignedInAsync(language);
        var edit = await EditActivityPage.OpenAsync(page, ui, id);
        var before = await EverythingAsync(page, $"/api/programmes/{Slug}/activities/{id}", $"/programmes/{Slug}/activities/{id}");

        await edit.SaveAsync();

        Assert.Equal(before, await EverythingAsync(page, $"/api/programmes/{Slug}/activities/{id}", $"/programmes/{Slug}/activities/{id}"));
    }

    /// <summary>
    /// What a change would show in: the number of audit rows, the record's ETag and body, the programme's export, and
    /// the text of each page named (its main part: a page's tokens differ from one request to the next).
    /// </summary>
    private async Task<string> EverythingAsync(IPage page, string record, params string[] pageUrls)
    {
        var audit = await app.Database.RunAsync<WorkProgrammeDb, int>(db => db.AuditEntries.CountAsync());
        var read = await page.Context.APIRequest.GetAsync(record);
        Assert.Equal(200, read.Status);
        var export = await page.Context.APIRequest.GetAsync($"/api/programmes/{Slug}");
        Assert.Equal(200, export.Status);
        var parts = new List<string> { $"audit rows: {audit}", $"ETag: {read.Headers["etag"]}", await read.TextAsync(), await export.TextAsync() };
        var view = await page.Context.NewPageAsync();
        foreach (var url in pageUrls)
        {
            var response = await view.GotoAsync(url);
            parts.Add($"{url} {response?.Status}: {await view.Locator("main").InnerTextAsync()}");
        }

        await view.CloseAsync();
        return string.Join("\n---\n", parts);
    }

    private async Task<string> OpenRoundAsync(int[] ordinals, int year)
    {
        var session = await app.Database.RunAsync<AddSession.Handler, string>(h => h.HandleAsync(
            new AddSession.Command(Viewer.Operator, "CTP", ordinals, year, 10, Season.Autumn), CancellationToken.None));
        var opened = await app.Database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Viewer.Operator, Slug, session), CancellationToken.None));
        Assert.Null(opened.Failure);
        return session;
    }

    private async Task<Guid> ActivityIdAsync(int number)
    {
        var file = await app.Database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new ExportProgramme.Query(Viewer.Operator, Slug, null), CancellationToken.None));
        return file!.Activities.Single(a => a.Section == "time-bound" && a.Number == number).Id!.Value;
    }

    /// <summary>A report written over several lines, in both languages, as an officer would have saved it before.</summary>
    private async Task WriteReportAsync(string session, Guid id)
    {
        var row = (await app.Database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, Slug, session), CancellationToken.None)))!.Rows.Single(r => r.ActivityId == id);
        var written = await app.Database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Viewer.Operator, Slug,
            session, id, row.RowVersion, StatusKeyword.Ongoing,
            new BilingualText("Premier paragraphe.\n\nSecond paragraphe : « guillemets ».", "First paragraph.\n\nSecond paragraph: “quotes”."),
            new BilingualText("Étape un.\nÉtape deux.", "Step one.\nStep two."), []), CancellationToken.None));
        Assert.Null(written.Failure);
    }

    /// <summary>An activity whose indicators run over several lines in both languages.</summary>
    private async Task WriteActivityAsync(Guid id)
    {
        var current = (await app.Database.RunAsync<EditActivity.Handler, EditActivity.Current?>(h =>
            h.CurrentAsync(Viewer.Operator, Slug, id, CancellationToken.None)))!;
        var saved = await app.Database.RunAsync<EditActivity.Handler, Result<Versioned<Domain.Activities.ActivityContent>>>(h => h.HandleAsync(
            new EditActivity.FileCommand(Viewer.Operator, Slug, id, current.RowVersion, current.Activity with
            {
                Kpi = new TextPair("Premier indicateur.\nSecond indicateur.", "First indicator.\nSecond indicator."),
            }), CancellationToken.None));
        Assert.Null(saved.Failure);
    }

    private async Task<IPage> SignedInAsync(string language)
    {
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var page = await app.NewPageAsync(language);
        pages.Add(page);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(email, password);
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

/// <summary>Its own app and database: the journey opens rounds and writes reports the reading journeys must not see.</summary>
[CollectionDefinition(Name)]
public sealed class UnchangedSaveCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser unchanged saves";
}
