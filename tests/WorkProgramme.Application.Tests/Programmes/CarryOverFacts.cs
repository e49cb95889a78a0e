using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Programmes;

/// <summary>
/// The PTC's next period from its 2022–2025 programme (docs/decisions/0039): the latest version (2024-04, PC0756) has 42
/// time-bound activities, 11 of them completed in the latest published status report (243rd/244th sessions), and 52
/// permanent ones; the rule carries over 31 + 52, numbered afresh, each naming the one it continues.
/// </summary>
public sealed class CarryOverFacts : IAsyncLifetime
{
    private TestDatabase database = null!;
    private CreateProgramme.Created created = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var result = await database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h => h.HandleAsync(
            new CreateProgramme.Command(Viewer.Operator, "ptc-2025-2028", "CTP", "2025-2028", DocumentSymbol: "PC0780",
                CarryOverFrom: SeedFile.PtcSlug), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.En)));
        created = result.Value!;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<T> Db<T>(Func<WorkProgrammeDb, Task<T>> read) => database.RunAsync(read);

    private Task<List<ActivityVersion>> RowsAsync() => Db(async db =>
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleAsync(p => p.Slug == "ptc-2025-2028");
        return programme.Latest!.Activities.OrderBy(a => a.SortKey).ToList();
    });

    [Fact]
    public async Task Carries_every_permanent_activity_and_every_time_bound_one_not_completed()
    {
        var rows = await RowsAsync();

        Assert.Equal(83, created.Carried);
        Assert.Equal(31, rows.Count(r => r.Section == Section.TimeBound));
        Assert.Equal(52, rows.Count(r => r.Section == Section.Permanent));
    }

    [Fact]
    public async Task Numbers_each_section_afresh_in_the_old_order()
    {
        var rows = await RowsAsync();
        var activities = await Db(db => db.Activities.AsNoTracking().Where(a => a.CarriedFromId != null).ToDictionaryAsync(a => a.Id));

        Assert.Equal(Enumerable.Range(1, 31).Cast<int?>(), rows.Where(r => r.Section == Section.TimeBound).Select(r => r.Number));
        Assert.Equal(Enumerable.Range(1, 52).Cast<int?>(), rows.Where(r => r.Section == Section.Permanent).Select(r => r.Number));
        Assert.All(rows, r => Assert.Equal((RevisionKind.Unchanged, (int?)null), (r.Revision, r.PreviousNumber)));
        int[] oldTimeBound = [1, 3, 8, 11, 12, 13, 14, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42];
        Assert.Equal(oldTimeBound.Select(n => $"I.{n}"),
            rows.Where(r => r.Section == Section.TimeBound).Select(r => activities[r.ActivityId].CarriedFrom!.Label));
        Assert.Equal(Enumerable.Range(1, 52).Select(n => $"II.{n}"),
            rows.Where(r => r.Section == Section.Permanent).Select(r => activities[r.ActivityId].CarriedFrom!.Label));
    }

    [Fact]
    public async Task Each_carried_activity_names_the_one_it_continues_with_the_same_wording()
    {
        var rows = await RowsAsync();
        var activities = await Db(db => db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id));
        var old = await Db(async db => (await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleAsync(p => p.Slug == SeedFile.PtcSlug)).Latest!.Activities.ToDictionary(a => a.ActivityId));

        Assert.All(rows, row =>
        {
            var from = activities[row.ActivityId].CarriedFrom!;
            Assert.Equal(SeedFile.PtcSlug, from.Programme);
            Assert.NotEqual(from.Id, row.ActivityId);
            Assert.Equal(ActivityLabel.Of(old[from.Id]).ToString(), from.Label);
            Assert.Equal(old[from.Id].Priority, row.Priority);
            Assert.Equal(old[from.Id].Deadline, row.Deadline);
            Assert.Equal(ActivityReferences.In(old[from.Id].Title).Count, ActivityReferences.In(row.Title).Count(id => activities[id].ProgrammeId == activities[row.ActivityId].ProgrammeId));
        });
        Assert.Equal("I.1", activities[rows[0].ActivityId].CarriedFrom!.Label);
    }

    [Fact]
    public async Task Flags_the_carried_deadlines_that_fall_before_the_new_period()
    {
        var rows = await RowsAsync();
        var activities = await Db(db => db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id));
        int[] oldFlagged = [1, 3, 8, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 29, 30, 31, 32, 34, 35, 37, 38, 39, 40, 41, 42];
        var flagged = rows.Where(r => created.DeadlinesBeforePeriod.Contains(ActivityLabel.Of(r).ToString())).ToList();

        Assert.Equal(27, created.DeadlinesBeforePeriod.Count);
        Assert.Equal(oldFlagged.Select(n => $"I.{n}"), flagged.Select(r => activities[r.ActivityId].CarriedFrom!.Label));

        var checks = await database.RunAsync<Features.Checks.CheckProgramme.Handler, Features.Checks.CheckProgramme.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, "ptc-2025-2028"), CancellationToken.None));
        var rule = checks!.Findings.Where(f => f.Violation.Rule == Domain.Rules.RuleCode.DeadlineBeforePeriod).Select(f => f.Reference).ToList();
        Assert.Equal(created.DeadlinesBeforePeriod, rule);
    }

    [Fact]
    public async Task Starts_the_new_programme_as_one_empty_draft_with_its_symbol_and_archives_the_previous_one()
    {
        var (fresh, previous) = await Db(async db => (
            await db.Programmes.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Slug == "ptc-2025-2028"),
            await db.Programmes.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Slug == SeedFile.PtcSlug)));

        var version = Assert.Single(fresh.Versions);
        Assert.Equal((VersionState.Draft, "PC0780", created.VersionLabel), (version.State, version.DocumentSymbol, version.Label));
        Assert.Equal(("CTP", 2025, 2028, SeedFile.PtcSlug, false), (fresh.BodyCode, fresh.PeriodStart, fresh.PeriodEnd, fresh.Predecessor, fresh.IsArchived));
        Assert.Equal("Programme de travail 2025-2028 du CTP", fresh.Title.Fr);
        Assert.Equal((true, "ptc-2025-2028"), (previous.IsArchived, previous.Successor));
        Assert.Equal(2, previous.Versions.Count);
    }

    [Fact]
    public async Task An_archived_programme_refuses_every_change_in_words_as_a_conflict()
    {
        var revision = await database.RunAsync<ProgrammeVersions.Handler, Result<string>>(h => h.HandleAsync(
            new ProgrammeVersions.StartCommand(Viewer.Operator, SeedFile.PtcSlug, "2025-01", null, null), CancellationToken.None));
        var added = await database.RunAsync<CreateActivity.Handler, Result<Guid>>(h => h.HandleAsync(
            new CreateActivity.Command(Viewer.Operator, SeedFile.PtcSlug, new ActivityContent
            {
                Section = Section.Permanent, Priority = Priority.B, LinkedToStrategicPlan = true, PlanCodes = ["PS1"], BodyCodes = ["CTP"],
                Title = new BilingualText("Suivre", "Follow"), Deadline = Deadline.ContinuousWork(new BilingualText("Travail continu", "Continuous work")),
            }), CancellationToken.None));

        foreach (var failure in new[] { revision.Failure, added.Failure })
        {
            Assert.Equal(FailureKind.Conflict, failure!.Kind);
            Assert.Contains("archivé", failure.Problems.Single().Fr, StringComparison.Ordinal);
            Assert.Contains("is archived", failure.Problems.Single().En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_programme_file_says_which_activity_each_one_continues()
    {
        var file = await database.RunAsync<Features.Interchange.ExportProgramme.Handler, Features.Interchange.ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, "ptc-2025-2028"), CancellationToken.None));
        var json = System.Text.Json.JsonSerializer.Serialize(file, Features.Interchange.ProgrammeJson.Options);

        Assert.Equal(83, file!.Activities.Count(a => a.CarriedFrom is { Programme: SeedFile.PtcSlug }));
        Assert.Equal("I.3", file.Activities[1].CarriedFrom!.Label);
        Assert.Contains("\"carriedFrom\":{\"programme\":\"ptc-2022-2025\"", System.Text.RegularExpressions.Regex.Replace(json, @"\s", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_carry_over_from_an_archived_programme_is_refused()
    {
        var again = await database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h => h.HandleAsync(
            new CreateProgramme.Command(Viewer.Operator, "ptc-2025-2028-bis", "CTP", "2025-2028", CarryOverFrom: SeedFile.PtcSlug), CancellationToken.None));

        Assert.Equal(FailureKind.Conflict, again.Failure!.Kind);
        Assert.False(await Db(db => db.Programmes.AnyAsync(p => p.Slug == "ptc-2025-2028-bis")));
    }
}
