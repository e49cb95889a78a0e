using Microsoft.Playwright;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// An editor starts a revision from the versions page, rewords one activity in the draft, compares the draft with the
/// version it came from, downloads the Word redline and finds the change as tracked insertions and deletions, then
/// records the committee's endorsement (which lets the next revision start).
/// </summary>
[Collection(EditCollection.Name)]
public sealed class RevisionJourney(BrowserApp app) : IAsyncLifetime
{
    private const string Body = "CTP";

    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task An_editor_starts_a_revision_rewords_an_activity_and_downloads_a_redline_with_the_change_tracked(string language)
    {
        var ui = EditorUi.For(language);
        var reference = language == "fr" ? "I.7" : "I.38";
        var run = Guid.NewGuid().ToString("N")[..8];
        var label = $"rev-{language}-{run}";
        await EndorseAnyDraftAsync();
        var editor = await app.UserAsync(Roles.Editor, Body);
        page = await app.NewPageAsync(language);
        await (await SignInPage.OpenAsync(page, ui.Officer)).SignInAsync(editor.Email, editor.Password);

        // Start the revision from the programme's versions page.
        var programme = await ProgrammePage.OpenAsync(page, ui.Reader);
        var versions = await programme.OpenVersionsAsync(ui);
        var parent = (await versions.LatestLabel.InnerTextAsync()).Trim();
        // Prepared for the sessions whose status it shows: once superseded, a version shows its own session's status (none
        // without a session), and the other language's case compares its revision with this one.
        await versions.StartRevisionAsync(label, "ctp-243-244");
        await Expect(versions.LatestLabel).ToHaveTextAsync(label);

        // Reword the activity in the draft: a new start, the last word gone.
        programme = await ProgrammePage.OpenAsync(page, ui.Reader);
        var edit = await (await programme.OpenActivityAsync(reference)).OpenEditAsync(ui);
        var title = await edit.ActivityTitle.InputValueAsync();
        var lastSpace = title.LastIndexOf(' ');
        var removed = title[(lastSpace + 1)..].Trim('(', ')', '.', ',');
        var added = language == "fr" ? $"Réviser {run} :" : $"Revise {run}:";
        var reworded = $"{added} {title[..lastSpace]}";
        await ReportPage.TypeOverAsync(edit.ActivityTitle, reworded);
        // A body joins the activity with the role chosen for it, not the one its place would give it.
        var (team, lead) = language == "fr" ? ("EPMD", "organe en charge") : ("DMPT", "lead body");
        await edit.AddBodyWithRoleAsync(team, lead);
        await edit.SaveAsync();
        await Expect(edit.RoleOf(team).Locator("option:checked")).ToHaveTextAsync(lead);

        // Compare the draft with the version it was copied from: one activity reworded, nothing else.
        programme = await ProgrammePage.OpenAsync(page, ui.Reader);
        versions = await programme.OpenVersionsAsync(ui);
        var compare = await versions.OpenCompareAsync();
        await Expect(compare.Version("from")).ToContainTextAsync(parent);
        await Expect(compare.Version("to")).ToContainTextAsync(label);
        await Expect(compare.CountLine("reworded")).ToContainTextAsync(ui.Reworded);
        Assert.Equal(1, await compare.CountAsync("reworded"));
        Assert.Equal(0, await compare.CountAsync("added"));
        Assert.Equal(0, await compare.CountAsync("retired"));
        Assert.Equal(0, await compare.CountAsync("renumbered"));
        Assert.Equal(0, await compare.CountAsync("status-changed"));
        Assert.Equal(93, await compare.CountAsync("unchanged"));
        await Expect(compare.Changes).ToHaveCountAsync(1);
        await Expect(compare.Change(reference)).ToContainTextAsync(ui.RewordedBadge);
        await Expect(compare.Change(reference).Locator("ins")).ToContainTextAsync([run]);
        await Expect(compare.Change(reference).Locator("del")).ToContainTextAsync([removed]);
        await Expect(compare.Change(reference)).ToContainTextAsync($"{team}{(language == "fr" ? " : " : ": ")}{lead}");

        // The redline: the draft's annex with the change as Word tracked changes.
        var redline = await Downloaded.ByClickingAsync(page, compare.RedlineLink);
        Assert.EndsWith(".docx", redline.FileName, StringComparison.Ordinal);
        var (inserted, deleted) = redline.TrackedChanges();
        Assert.Contains(run, string.Concat(inserted), StringComparison.Ordinal);
        Assert.Contains(removed, string.Concat(deleted), StringComparison.Ordinal);
        Assert.Contains(title[..lastSpace], redline.WordText(), StringComparison.Ordinal);

        // The committee endorses the draft: it is no longer a draft, so another revision can start.
        versions = await (await ProgrammePage.OpenAsync(page, ui.Reader)).OpenVersionsAsync(ui);
        await versions.RecordAdoptionAsync(label);
        await Expect(versions.StartForm).ToBeVisibleAsync();
    }

    /// <summary>
    /// Both languages revise one programme and a revision starts only from an adopted version: a draft the other case
    /// left (had it failed before recording the endorsement) is endorsed first, so each case stands on its own.
    /// </summary>
    private async Task EndorseAnyDraftAsync()
    {
        var versions = await app.Database.RunAsync<ProgrammeVersions.Handler, IReadOnlyList<ProgrammeVersions.VersionSummary>?>(h =>
            h.HandleAsync(new ProgrammeVersions.ListQuery(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None));
        if (versions![^1] is { State: VersionState.Draft } draft)
        {
            var endorsed = await app.Database.RunAsync<ProgrammeVersions.Handler, Result<string>>(h => h.HandleAsync(
                new ProgrammeVersions.AdoptCommand(Viewer.Operator, SeedFile.PtcSlug, draft.Label, VersionState.Endorsed, "ctp-243-244", draft.Version), CancellationToken.None));
            Assert.Null(endorsed.Failure);
        }
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
