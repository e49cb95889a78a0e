using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Sessions;

/// <summary>Administrators keep the bodies' calendars; deadlines and lateness follow a session when it moves.</summary>
public sealed class SessionCalendarFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor", new HashSet<string> { Roles.Editor }, null);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<string> AddAsync(Viewer who, IReadOnlyList<int> ordinals, int year = 2024, int month = 10) =>
        database.RunAsync<AddSession.Handler, string>(h => h.HandleAsync(new AddSession.Command(who, "CTP", ordinals, year, month, Season.Autumn,
            Place: "Bruxelles"), CancellationToken.None));

    /// <summary>Reschedules on top of the session as it is now (<paramref name="version"/> overrides).</summary>
    private async Task<Result<string>> RescheduleAsync(string key, int year, int month, DateOnly? start = null, DateOnly? end = null, Viewer? who = null,
        string? version = "current")
    {
        if (version == "current")
        {
            version = (await database.RunAsync<SessionCalendar.Handler, SessionCalendar.Row?>(h => h.FindAsync(key, CancellationToken.None)))?.Version;
        }

        return await database.RunAsync<RescheduleSession.Handler, Result<string>>(h => h.HandleAsync(new RescheduleSession.Command(
            who ?? Viewer.Operator, key, year, month, null, start, end, "Bruxelles", version), CancellationToken.None));
    }

    private async Task<IReadOnlyList<string>> OverdueAsync() =>
        (await database.RunAsync<CheckProgramme.Handler, CheckProgramme.Result?>(h => h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None)))!
        .Findings.Where(f => f.Violation.Rule == RuleCode.Overdue).Select(f => f.Reference).ToList();

    [Fact]
    public async Task The_calendar_lists_a_bodys_sessions_newest_first()
    {
        await AddAsync(Viewer.Operator, [245, 246]);

        var calendar = await database.RunAsync<SessionCalendar.Handler, SessionCalendar.Result>(h => h.HandleAsync(new("CTP"), CancellationToken.None));

        Assert.Equal(["ctp-245-246", "ctp-243-244", "ctp-241-242", "ctp-239-240", "ctp-237-238", "ctp-235-236"], calendar.Sessions.Select(s => s.Key));
        Assert.Equal(("Bruxelles", "245th/246th"), (calendar.Sessions[0].Place, calendar.Sessions[0].OrdinalLabel(Language.En)));
        Assert.Contains(calendar.Bodies, b => b.Code == "CPG");
    }

    [Fact]
    public async Task A_number_the_body_already_used_is_refused_and_nothing_is_added()
    {
        var before = await database.ContentHashAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => AddAsync(Viewer.Operator, [244, 245]));

        Assert.Equal("The PTC already has a session with that number: 243rd/244th Sessions of the PTC (April 2024).", refused.MessageFor(Language.En));
        Assert.StartsWith("Le CTP a déjà une session portant ce numéro", refused.MessageFor(Language.Fr), StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Only_administrators_change_the_calendar()
    {
        var before = await database.ContentHashAsync();

        await Assert.ThrowsAsync<DomainException>(() => AddAsync(Editor, [245, 246]));
        Assert.Equal(FailureKind.Forbidden, (await RescheduleAsync("ctp-243-244", 2024, 5, who: Editor)).Failure?.Kind);

        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Rescheduling_is_audited_field_by_field()
    {
        await RescheduleAsync("ctp-243-244", 2024, 5, new DateOnly(2024, 5, 13), new DateOnly(2024, 5, 17));

        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h =>
            h.HandleAsync(new AuditTrail.Query("Session", "ctp-243-244"), CancellationToken.None));
        var changes = trail.Rows.Where(r => r.Field != AuditEntry.Created).ToDictionary(r => r.Field, r => (r.OldValue, r.NewValue));
        Assert.Equal(("4", "5"), changes["Month"]);
        Assert.Null(changes["StartDate"].OldValue);
        Assert.Contains("2024", changes["StartDate"].NewValue, StringComparison.Ordinal);
        Assert.Equal((null, "Bruxelles"), changes["Place"]);
    }

    [Fact]
    public async Task A_refused_reschedule_changes_nothing()
    {
        var before = await database.ContentHashAsync();

        var refused = await RescheduleAsync("ctp-243-244", 2024, 4, new DateOnly(2024, 4, 19), new DateOnly(2024, 4, 15));

        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.Equal("La session ne peut pas finir avant de commencer.", refused.Problems.Single().Fr);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_reschedule_on_top_of_another_one_than_the_administrator_saw_or_without_a_version_changes_nothing()
    {
        var seen = (await database.RunAsync<SessionCalendar.Handler, SessionCalendar.Row?>(h => h.FindAsync("ctp-243-244", CancellationToken.None)))!.Version;
        Assert.Null((await RescheduleAsync("ctp-243-244", 2024, 5, version: seen)).Failure);
        var before = await database.ContentHashAsync();

        var stale = await RescheduleAsync("ctp-243-244", 2024, 6, version: seen);
        var missing = await RescheduleAsync("ctp-243-244", 2024, 6, version: null);

        Assert.True(stale.Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure?.Kind);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Moving_the_reported_session_moves_lateness_with_it()
    {
        Assert.Equal(["I.8"], await OverdueAsync());

        // I.8 was due in spring 2023; reported on a session held before that, it is not late yet.
        await RescheduleAsync("ctp-243-244", 2023, 3);

        Assert.Empty(await OverdueAsync());
    }

    [Fact]
    public async Task A_deadline_naming_a_session_follows_the_session_when_it_is_postponed()
    {
        await NameSessionAsDeadlineAsync(number: 1, body: "CTP", ordinals: [241, 242]);
        Assert.Contains("I.1", await OverdueAsync());

        // The autumn 2023 sessions are postponed past the April 2024 sessions the status is reported for.
        await RescheduleAsync("ctp-241-242", 2024, 6);

        Assert.DoesNotContain("I.1", await OverdueAsync());
    }

    private Task NameSessionAsDeadlineAsync(int number, string body, IReadOnlyList<int> ordinals) =>
        database.RunAsync<WorkProgrammeDb>(async db =>
        {
            var row = await db.ActivityVersions.Where(a => a.Section == Section.TimeBound && a.Number == number)
                .OrderByDescending(a => a.ProgrammeVersionId).FirstAsync();
            row.Apply(row.Content with
            {
                Deadline = new Deadline(new BilingualText("241ème/242ème sessions (CTP)", null), false,
                    [new DeadlineMilestone { Kind = MilestoneKind.Session, SessionBody = body, Ordinals = ordinals, Bodies = [body] }]),
            });
            await db.SaveChangesAsync();
        });
}
