using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Revisions;

public sealed class VersionWorkflowFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");
    private static readonly Viewer Member = new("m", "member@example.org", new HashSet<string> { Roles.Member }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<IReadOnlyList<ProgrammeVersions.VersionSummary>?> ListAsync(Viewer viewer) =>
        database.RunAsync<ProgrammeVersions.Handler, IReadOnlyList<ProgrammeVersions.VersionSummary>?>(h =>
            h.HandleAsync(new ProgrammeVersions.ListQuery(viewer, SeedFile.PtcSlug), CancellationToken.None));

    private Task<Result<string>> StartAsync(Viewer viewer, string label, string? session = "ctp-245-246") =>
        database.RunAsync<ProgrammeVersions.Handler, Result<string>>(h =>
            h.HandleAsync(new ProgrammeVersions.StartCommand(viewer, SeedFile.PtcSlug, label, null, session), CancellationToken.None));

    private Task<Result<string>> AdoptAsync(string label, VersionState step, string session) =>
        database.RunAsync<ProgrammeVersions.Handler, Result<string>>(async h =>
        {
            var shown = (await h.HandleAsync(new ProgrammeVersions.ListQuery(Editor, SeedFile.PtcSlug), CancellationToken.None))!;
            return await h.HandleAsync(new ProgrammeVersions.AdoptCommand(Editor, SeedFile.PtcSlug, label, step, session,
                shown.SingleOrDefault(v => v.Label == label)?.Version ?? ""), CancellationToken.None);
        });

    private async Task AddSessionAsync() => await database.RunAsync<Features.Sessions.AddSession.Handler, string>(h =>
        h.HandleAsync(new(Viewer.Operator, "CTP", [245, 246], 2024, 10, null), CancellationToken.None));

    [Fact]
    public async Task The_seeded_programme_has_the_October_2023_version_and_the_revised_April_2024_version()
    {
        var versions = (await ListAsync(Viewer.Anonymous))!;

        Assert.Equal(
            [("2023-10", 1, VersionState.Approved, "ctp-241-242", 81), ("2024-04", 2, VersionState.Endorsed, "ctp-243-244", 94)],
            versions.Select(v => (v.Label, v.Sequence, v.State, v.SessionKey!, v.Activities)));
    }

    [Fact]
    public async Task An_editor_starts_a_revision_edits_it_and_records_its_adoption_and_each_step_is_audited()
    {
        await AddSessionAsync();
        await AdoptAsync("2024-04", VersionState.Approved, "ctp-243-244");

        var started = await StartAsync(Editor, "2024-10");
        Assert.Null(started.Failure);

        // Edits go to the new draft; the approved version stays as it was.
        var firstId = (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, "2024-10"), CancellationToken.None)))!.Sections[0].Rows[0].ActivityId;
        var current = (await database.RunAsync<EditActivity.Handler, EditActivity.Current?>(h =>
            h.CurrentAsync(Editor, SeedFile.PtcSlug, firstId, CancellationToken.None)))!;
        var retired = await database.RunAsync<RetireActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, firstId, current.RowVersion), CancellationToken.None));
        Assert.Null(retired.Failure);

        var draft = (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, "2024-10"), CancellationToken.None)))!;
        Assert.Equal(Enumerable.Range(1, 41).Cast<int?>(), draft.Sections[0].Rows.Select(r => r.Number));
        var approved = (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, "2024-04"), CancellationToken.None)))!;
        Assert.Equal(42, approved.Sections[0].Rows.Count);

        Assert.Null((await AdoptAsync("2024-10", VersionState.Endorsed, "ctp-245-246")).Failure);
        Assert.Null((await AdoptAsync("2024-10", VersionState.Approved, "conseil-141-142")).Failure);
        var versions = (await ListAsync(Viewer.Anonymous))!;
        Assert.Equal((VersionState.Approved, "ctp-245-246", "conseil-141-142"), (versions[^1].State, versions[^1].EndorsedAt!, versions[^1].ApprovedAt!));

        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h =>
            h.HandleAsync(new AuditTrail.Query("ProgrammeVersion", "2024-10"), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field == WorkProgramme.Application.Features.Audit.AuditEntry.Created);
        Assert.Contains(trail.Rows, r => (r.Field, r.NewValue) == ("State", "Endorsed"));
        Assert.Contains(trail.Rows, r => (r.Field, r.NewValue) == ("ApprovedAt", "conseil-141-142"));
    }

    [Fact]
    public async Task An_approved_latest_version_refuses_edits_until_a_revision_is_started()
    {
        await AdoptAsync("2024-04", VersionState.Approved, "ctp-243-244");
        var id = (await ListRowsAsync())[0];
        var current = (await database.RunAsync<EditActivity.Handler, EditActivity.Current?>(h =>
            h.CurrentAsync(Editor, SeedFile.PtcSlug, id, CancellationToken.None)))!;
        var before = await database.ContentHashAsync();

        var outcome = await database.RunAsync<RetireActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, id, current.RowVersion), CancellationToken.None));

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains("approved", outcome.Problems.Single().En, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_second_revision_while_a_draft_is_open_is_refused_and_changes_nothing()
    {
        await AddSessionAsync();
        Assert.Null((await StartAsync(Editor, "2024-10")).Failure);
        var before = await database.ContentHashAsync();

        var second = await StartAsync(Editor, "2025-04");

        Assert.Equal(FailureKind.Invalid, second.Failure?.Kind);
        Assert.Contains("2024-10", second.Problems.Single().Fr, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024 10")]
    [InlineData("2024/10")]
    [InlineData("2024-04")]
    public async Task Refuses_a_bad_or_taken_label(string label)
    {
        await AddSessionAsync();
        var before = await database.ContentHashAsync();

        var outcome = await StartAsync(Editor, label);

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Refuses_an_unknown_session_and_a_viewer_who_may_not_edit()
    {
        Assert.Equal(FailureKind.Invalid, (await StartAsync(Editor, "2024-10", "ctp-999")).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await StartAsync(Member, "2024-10")).Failure?.Kind);
        Assert.Equal(FailureKind.Invalid, (await AdoptAsync("2023-10", VersionState.Endorsed, "ctp-241-242")).Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, (await AdoptAsync("1999-01", VersionState.Endorsed, "ctp-241-242")).Failure?.Kind);
    }

    [Fact]
    public async Task Drafts_are_listed_only_for_those_who_may_see_them()
    {
        await AddSessionAsync();
        await StartAsync(Editor, "2024-10");

        Assert.Equal(3, (await ListAsync(Member))!.Count);
        Assert.Equal(2, (await ListAsync(Viewer.Anonymous))!.Count);
    }

    private async Task<List<Guid>> ListRowsAsync() =>
        (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug), CancellationToken.None)))!.Sections[0].Rows.Select(r => r.ActivityId).ToList();

    [Theory]
    [InlineData(null)]
    [InlineData("ctp-245-246")]
    public async Task A_new_draft_shows_the_last_published_status_until_its_own_session_has_reports(string? session)
    {
        await AddSessionAsync();
        Assert.Null((await StartAsync(Editor, "2024-10", session)).Failure);

        // The shipped status (243rd/244th sessions) was imported published, without a round: it is still the current status.
        var comparison = (await database.RunAsync<CompareVersions.Handler, CompareVersions.Result?>(h =>
            h.HandleAsync(new CompareVersions.Query(Editor, SeedFile.PtcSlug, "2024-04", "2024-10"), CancellationToken.None)))!;
        Assert.Equal("ctp-243-244", comparison.To.StatusSessionKey);
        Assert.Equal(new ComparisonSummary(0, 0, 0, 0, 0, 94), comparison.Summary);
        var draft = (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, "2024-10"), CancellationToken.None)))!;
        Assert.All(draft.Sections.SelectMany(s => s.Rows), row => Assert.NotNull(row.Status));
    }
}
