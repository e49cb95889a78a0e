using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Assignments;

/// <summary>Officers are assigned to activities; the round filters by them and by unit; each sees "my reports".</summary>
public sealed class AssignmentFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Viewer> UserAsync(string email, string role, string? body, string? unit)
    {
        var outcome = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, role, body, "correct horse battery", Unit: unit), CancellationToken.None));
        return new Viewer(outcome.UserId, email, new HashSet<string> { role }, body);
    }

    private Task<Result<string>> AssignAsync(Viewer who, Guid activity, params Viewer[] officers) =>
        database.RunAsync<Features.Assignments.Assignments.Handler, Result<string>>(async h =>
        {
            var current = (await h.ByActivityAsync([activity], CancellationToken.None)).GetValueOrDefault(activity) ?? [];
            return await h.HandleAsync(new(who, SeedFile.PtcSlug, activity, officers.Select(o => o.UserId!).ToList(),
                Features.Assignments.Assignments.VersionOf(current.Select(o => o.UserId))), CancellationToken.None);
        });

    private async Task<RoundStatus.Result> OpenRoundAsync()
    {
        await database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, "ctp-245-246"), CancellationToken.None));
        return (await database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, "ctp-245-246"), CancellationToken.None)))!;
    }

    [Fact]
    public async Task The_round_filters_reports_by_assigned_officer_and_by_unit()
    {
        var anne = await UserAsync("anne@wcoomd.org", Roles.Editor, "CTP", "Nomenclature");
        var bruno = await UserAsync("bruno@wcoomd.org", Roles.Editor, null, "Facilitation");
        var round = await OpenRoundAsync();
        var (first, second) = (round.Rows[0].ActivityId, round.Rows[1].ActivityId);

        Assert.Null((await AssignAsync(Editor, first, anne, bruno)).Failure);
        Assert.Null((await AssignAsync(Editor, second, bruno)).Failure);
        round = (await database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, "ctp-245-246"), CancellationToken.None)))!;

        Assert.Equal(["I.1"], round.Filter(null, anne.UserId, null).Select(r => r.Reference));
        Assert.Equal(["I.1", "I.2"], round.Filter(null, bruno.UserId, null).Select(r => r.Reference));
        Assert.Equal(["I.1"], round.Filter(null, null, "Nomenclature").Select(r => r.Reference));
        Assert.Empty(round.Filter(ReportProgress.Reviewed, bruno.UserId, null));
        Assert.Equal(["Facilitation", "Nomenclature"], round.Units);
    }

    [Fact]
    public async Task Each_officer_lists_the_reports_of_their_activities_in_open_rounds()
    {
        var anne = await UserAsync("anne@wcoomd.org", Roles.Editor, "CTP", null);
        var round = await OpenRoundAsync();
        await AssignAsync(Editor, round.Rows[2].ActivityId, anne);
        await database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(anne, SeedFile.PtcSlug, "ctp-245-246",
            round.Rows[2].ActivityId, round.Rows[2].RowVersion, StatusKeyword.Completed, new BilingualText("Achevé.", "Completed."), BilingualText.Empty, []),
            CancellationToken.None));

        var mine = await database.RunAsync<MyReports.Handler, IReadOnlyList<MyReports.Row>>(h => h.HandleAsync(new(anne), CancellationToken.None));

        var report = Assert.Single(mine);
        Assert.Equal(("ctp-245-246", "I.3", ReportProgress.Updated, StatusKeyword.Completed), (report.SessionKey, report.Reference, report.Progress, report.Keyword));
        await database.RunAsync<PublishRound.Handler, Result<Done>>(async h => await h.HandleAsync(new(Editor, SeedFile.PtcSlug, "ctp-245-246", true, await h.CurrentVersionAsync(SeedFile.PtcSlug, "ctp-245-246", CancellationToken.None)), CancellationToken.None));
        Assert.Empty(await database.RunAsync<MyReports.Handler, IReadOnlyList<MyReports.Row>>(h => h.HandleAsync(new(anne), CancellationToken.None)));
    }

    [Fact]
    public async Task Assigning_and_unassigning_is_audited_in_the_activitys_history()
    {
        var anne = await UserAsync("anne@wcoomd.org", Roles.Editor, "CTP", null);
        var round = await OpenRoundAsync();
        var activity = round.Rows[0].ActivityId;

        await AssignAsync(Editor, activity, anne);
        await AssignAsync(Editor, activity);

        var history = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h =>
            h.HandleAsync(new AuditTrail.Query("Assignment", activity.ToString()), CancellationToken.None));
        Assert.Equal([(AuditEntry.Deleted, "anne@wcoomd.org", (string?)null), (AuditEntry.Created, null, "anne@wcoomd.org")],
            history.Rows.Select(r => (r.Field, r.OldValue, r.NewValue)));
        Assert.All(history.Rows, r => Assert.Equal($"{activity}@anne@wcoomd.org", r.EntityId));
    }

    [Fact]
    public async Task Only_secretariat_users_can_be_assigned_and_only_by_editors_of_the_body()
    {
        var member = await UserAsync("delegate@customs.example", Roles.Member, "CTP", null);
        var otherEditor = await UserAsync("cpg@wcoomd.org", Roles.Editor, "CPG", null);
        var anne = await UserAsync("anne@wcoomd.org", Roles.Editor, "CTP", null);
        var activity = (await OpenRoundAsync()).Rows[0].ActivityId;
        var before = await database.ContentHashAsync();

        var refused = await AssignAsync(Editor, activity, member);
        Assert.Equal(FailureKind.Forbidden, (await AssignAsync(otherEditor, activity, anne)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await AssignAsync(member, activity, anne)).Failure?.Kind);

        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.StartsWith("Only Secretariat users", refused.Problems.Single().En, StringComparison.Ordinal);
        Assert.StartsWith("Seuls les membres du Secrétariat", refused.Problems.Single().Fr, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }
}
