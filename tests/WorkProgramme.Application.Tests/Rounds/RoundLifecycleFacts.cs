using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Rounds;

/// <summary>Open a round for the PTC's 245th/246th sessions, write, review, publish; the reports then freeze.</summary>
public sealed class RoundLifecycleFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    private string session = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        session = await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<Result<Done>> OpenAsync(Viewer? who = null) =>
        database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(who ?? Editor, SeedFile.PtcSlug, session), CancellationToken.None));

    private async Task<RoundStatus.Result> StatusAsync() =>
        (await database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, session), CancellationToken.None)))!;

    private Task<Result<string>> UpdateAsync(RoundStatus.Row row, StatusKeyword keyword, string narrative, int? rowVersion = -1) =>
        database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Editor, SeedFile.PtcSlug, session,
            row.ActivityId, rowVersion == -1 ? row.RowVersion : rowVersion, keyword, new BilingualText(narrative, null),
            new BilingualText("Présentation au CTP en avril 2025.", "Presentation to the PTC in April 2025."), []), CancellationToken.None));

    private Task<Result<Done>> PublishAsync(bool confirmed) =>
        database.RunAsync<PublishRound.Handler, Result<Done>>(async h => await h.HandleAsync(new(Editor, SeedFile.PtcSlug, session, confirmed, await h.CurrentVersionAsync(SeedFile.PtcSlug, session, CancellationToken.None)), CancellationToken.None));

    [Fact]
    public async Task Opening_a_round_copies_every_activitys_last_published_report_forward_as_not_updated()
    {
        Assert.Null((await OpenAsync()).Failure);

        var status = await StatusAsync();
        Assert.Equal(94, status.Rows.Count);
        Assert.All(status.Rows, r => Assert.Equal(ReportProgress.NotUpdated, r.Progress));
        var first = status.Rows[0];
        Assert.Equal(("I.1", StatusKeyword.Ongoing, ExecutionLevel.Blue), (first.Reference, first.Keyword, first.Level));
        Assert.Equal(FailureKind.Conflict, (await OpenAsync()).Failure?.Kind);
    }

    [Fact]
    public async Task A_refusal_names_the_session_as_people_do_never_by_its_key()
    {
        await OpenAsync();

        var refused = Assert.Single((await OpenAsync()).Failure!.Problems);
        Assert.Equal("Les rapports sont déjà ouverts ou publiés pour les 245e/246e sessions du CTP (octobre 2024).", refused.Fr);
        Assert.Equal("The reports are already open or published for the 245th/246th Sessions of the PTC (October 2024).", refused.En);
        Assert.DoesNotContain(session, refused.Fr + refused.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_editors_of_the_body_open_rounds()
    {
        var member = new Viewer("m", "member", new HashSet<string> { Roles.Member }, "CTP");

        Assert.Equal(FailureKind.Forbidden, (await OpenAsync(member)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await OpenAsync(Viewer.Anonymous)).Failure?.Kind);
    }

    [Fact]
    public async Task An_update_sets_the_level_from_the_keyword_and_a_stale_one_is_a_conflict()
    {
        await OpenAsync();
        var row = (await StatusAsync()).Rows[0];

        Assert.Null((await UpdateAsync(row, StatusKeyword.Completed, "Achevé. La 5ème édition a été approuvée.")).Failure);
        Assert.True((await UpdateAsync(row, StatusKeyword.Postponed, "Reporté.")).Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Equal(FailureKind.PreconditionRequired, (await UpdateAsync(row, StatusKeyword.Postponed, "Reporté.", null)).Failure?.Kind);

        var updated = (await StatusAsync()).Rows[0];
        Assert.Equal((ReportProgress.Updated, StatusKeyword.Completed, ExecutionLevel.Green, "editor"),
            (updated.Progress, updated.Keyword, updated.Level, updated.UpdatedBy));
    }

    [Fact]
    public async Task Saving_a_report_again_with_a_browsers_crlf_line_breaks_changes_nothing_and_writes_no_audit_entry()
    {
        await OpenAsync();
        var row = (await StatusAsync()).Rows[1];
        Assert.True((await UpdateAsync(row, StatusKeyword.Ongoing, "Première ligne.\nDeuxième ligne.")).Succeeded);
        var written = (await StatusAsync()).Rows[1];
        var entries = await database.RunAsync<Data.WorkProgrammeDb, int>(db => db.AuditEntries.CountAsync());

        var again = await UpdateAsync(written, StatusKeyword.Ongoing, "Première ligne.\r\nDeuxième ligne.\r\n");

        Assert.True(again.Succeeded);
        Assert.Equal(written.RowVersion, (await StatusAsync()).Rows[1].RowVersion);
        Assert.Equal(entries, await database.RunAsync<Data.WorkProgrammeDb, int>(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Publishing_with_reports_not_updated_asks_for_confirmation_and_lists_them()
    {
        await OpenAsync();
        var rows = (await StatusAsync()).Rows;
        await UpdateAsync(rows[0], StatusKeyword.Completed, "Achevé.");

        var asked = await PublishAsync(confirmed: false);

        Assert.Equal(FailureKind.Conflict, asked.Failure?.Kind);
        Assert.Equal(93, asked.Failure!.Pending.Count);
        Assert.DoesNotContain("I.1", asked.Failure!.Pending);
        Assert.Equal(Domain.Rounds.RoundState.Open, (await StatusAsync()).State);
    }

    [Fact]
    public async Task A_publication_from_a_page_loaded_before_a_report_changed_or_without_its_version_is_refused_and_changes_nothing()
    {
        await OpenAsync();
        var loaded = await StatusAsync();
        await UpdateAsync(loaded.Rows[0], StatusKeyword.Completed, "Achevé après le chargement de la page.");
        var before = await database.ContentHashAsync();

        var stale = await database.RunAsync<PublishRound.Handler, Result<Done>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, session, true, loaded.Version), CancellationToken.None));
        var missing = await database.RunAsync<PublishRound.Handler, Result<Done>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, session, true, null), CancellationToken.None));

        Assert.True(stale.Failure is { Kind: FailureKind.Conflict, Stale: true }, stale.Failure?.Kind.ToString());
        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure?.Kind);
        Assert.Equal(before, await database.ContentHashAsync());
        var now = await StatusAsync();
        Assert.NotEqual(loaded.Version, now.Version);
        Assert.Equal(Domain.Rounds.RoundState.Open, now.State);
        Assert.Null((await database.RunAsync<PublishRound.Handler, Result<Done>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, session, true, now.Version), CancellationToken.None))).Failure);
    }

    [Fact]
    public async Task A_published_round_is_frozen_and_becomes_the_current_status_of_the_programme()
    {
        await OpenAsync();
        var row = (await StatusAsync()).Rows[0];
        await UpdateAsync(row, StatusKeyword.Completed, "Achevé. La 5ème édition a été approuvée en avril 2024.");

        Assert.Null((await PublishAsync(confirmed: true)).Failure);

        var refused = await UpdateAsync((await StatusAsync()).Rows[0], StatusKeyword.Ongoing, "Changed after publication");
        Assert.Equal(FailureKind.Conflict, refused.Failure?.Kind);
        Assert.Contains("published", refused.Problems.Single().En, StringComparison.Ordinal);
        var programme = (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None)))!;
        Assert.Equal("245th/246th", programme.Version.Session!.Ordinals.En);
        var first = programme.Sections[0].Rows[0];
        Assert.Equal((StatusKeyword.Completed, session), (first.Status!.Keyword, first.Status.SessionKey));
        Assert.Equal(FailureKind.Conflict, (await PublishAsync(confirmed: true)).Failure?.Kind);
    }

    private async Task<IReadOnlyList<RoundStatus.SessionRound>> SessionsAsync() =>
        await database.RunAsync<RoundStatus.Handler, IReadOnlyList<RoundStatus.SessionRound>>(h => h.SessionsAsync(SeedFile.PtcSlug, CancellationToken.None));

    [Fact]
    public async Task The_rounds_list_offers_to_open_a_round_only_for_a_session_with_no_round_and_no_published_report()
    {
        var before = await SessionsAsync();

        Assert.Equal(session, before[0].Key);
        Assert.Equal((RoundStatus.SessionRoundState.NotOpened, true, false), (before[0].State, before[0].CanOpen, before[0].HasRound));
        var imported = before.Single(s => s.Key == "ctp-243-244");
        Assert.Equal((RoundStatus.SessionRoundState.PublishedWithoutRound, false, false), (imported.State, imported.CanOpen, imported.HasRound));
        Assert.Equal("243rd/244th", imported.Session.Ordinals.En);
        Assert.Equal("PTC", imported.Session.Body.Display.En);
        Assert.All(before.Where(s => s.CanOpen), s => Assert.Equal(0, s.Reports));
        Assert.Equal(FailureKind.Conflict, (await database.RunAsync<OpenRound.Handler, Result<Done>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, imported.Key), CancellationToken.None))).Failure?.Kind);

        await OpenAsync();
        var row = (await StatusAsync()).Rows[0];
        await UpdateAsync(row, StatusKeyword.Completed, "Achevé.");
        var open = (await SessionsAsync())[0];
        Assert.Equal((RoundStatus.SessionRoundState.Open, false, true), (open.State, open.CanOpen, open.HasRound));
        Assert.Equal((94, 1, 0, 93), (open.Reports, open.Updated, open.Reviewed, open.NotUpdated));
        Assert.Null(open.PublishedAt);

        await PublishAsync(confirmed: true);
        var published = (await SessionsAsync())[0];
        Assert.Equal((RoundStatus.SessionRoundState.Published, false, true), (published.State, published.CanOpen, published.HasRound));
        Assert.NotNull(published.PublishedAt);
    }

    [Fact]
    public async Task Drafts_of_an_open_round_stay_hidden_from_the_public()
    {
        await OpenAsync();

        var programme = (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None)))!;

        Assert.Equal("243rd/244th", programme.Version.Session!.Ordinals.En);
    }

    [Fact]
    public async Task A_second_editor_reviews_a_report_but_its_author_cannot()
    {
        var second = new Viewer("e2", "second editor", new HashSet<string> { Roles.Editor }, "CTP");
        Task<Result<string>> ReviewAsync(Viewer who, RoundStatus.Row row) => database.RunAsync<WriteReport.Handler, Result<string>>(h =>
            h.HandleAsync(new WriteReport.Review(who, SeedFile.PtcSlug, session, row.ActivityId, row.RowVersion), CancellationToken.None));
        Assert.True((await OpenAsync()).Succeeded);
        Assert.True((await UpdateAsync((await StatusAsync()).Rows[0], StatusKeyword.Ongoing, "En cours.")).Succeeded);
        var updated = (await StatusAsync()).Rows[0];

        var byAuthor = await ReviewAsync(Editor, updated);
        var bySecond = await ReviewAsync(second, updated);

        Assert.Equal(FailureKind.Conflict, byAuthor.Failure?.Kind);
        Assert.Contains("another Secretariat member", byAuthor.Problems.Single().En, StringComparison.Ordinal);
        Assert.True(bySecond.Succeeded);
        var reviewed = (await StatusAsync()).Rows[0];
        Assert.Equal((ReportProgress.Reviewed, "editor", "second editor"), (reviewed.Progress, reviewed.UpdatedBy, reviewed.ReviewedBy));
    }

    [Fact]
    public async Task What_changed_since_the_previous_session_lists_each_changed_report_with_its_text_diff()
    {
        await OpenAsync();
        var row = (await StatusAsync()).Rows[0];
        await UpdateAsync(row, StatusKeyword.Completed, "Concernant la 4ème édition du Recueil, tout est achevé.");
        await PublishAsync(confirmed: true);

        var changes = (await database.RunAsync<SessionChanges.Handler, SessionChanges.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug, session), CancellationToken.None)))!;

        var change = Assert.Single(changes.Changes);
        Assert.Equal(93, changes.Unchanged);
        Assert.Equal(("I.1", "ctp-243-244", ExecutionLevel.Blue, ExecutionLevel.Green),
            (change.Reference, change.PreviousSession, change.LevelBefore, change.LevelAfter));
        Assert.Contains(change.NarrativeFr, c => c.Kind == WorkProgramme.Documents.Diff.ChangeKind.Deleted);
        Assert.Equal("Concernant la 4ème édition du Recueil, tout est achevé.",
            string.Concat(change.NarrativeFr.Where(c => c.Kind != WorkProgramme.Documents.Diff.ChangeKind.Deleted).Select(c => c.Text)));
    }
}
