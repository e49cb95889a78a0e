using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.StrategicPlans;

/// <summary>
/// The Strategic Plan as a versioned list (docs/decisions/0049), on the suite's database (SQLite, or PostgreSQL with
/// WP_TEST_PROVIDER=postgres): the PTC's codes are the 2022–2025 plan's, a new plan's codes are offered to a new
/// programme, and the administrators' changes are checked, version-checked and audited.
/// </summary>
public sealed class StrategicPlanFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("editor", "editor", new HashSet<string> { Roles.Editor }, null);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<T> Run<THandler, T>(Func<THandler, Task<T>> work) where THandler : notnull => database.RunAsync(work);

    private Task<Result<string>> Edit(Func<PlanEdits.Handler, Task<Result<string>>> work) => database.RunAsync(work);

    private async Task<string> VersionAsync(string period) =>
        (await Run<PlanDirectory, PlanDirectory.Plan?>(d => d.FindAsync(period, CancellationToken.None)))!.Version;

    private async Task<string> NewPlanWithTwoCodesAsync()
    {
        var created = await Edit(h => h.HandleAsync(new PlanEdits.Create(Viewer.Operator, "2026-2029", "Plan stratégique 2026–2029", "Strategic Plan 2026–2029"),
            CancellationToken.None));
        Assert.True(created.Succeeded, string.Join(" ", created.Problems.Select(p => p.En)));
        foreach (var (code, fr, en) in new[] { ("SP1", "Facilitation", "Facilitation"), ("SP2", "Recettes", "Revenue") })
        {
            var version = await VersionAsync("2026-2029");
            var added = await Edit(h => h.HandleAsync(new PlanEdits.AddCode(Viewer.Operator, "2026-2029", version, code, code, code, fr, en,
                PlanElementGroup.StrategicProcess), CancellationToken.None));
            Assert.True(added.Succeeded, string.Join(" ", added.Problems.Select(p => p.En)));
        }

        return "2026-2029";
    }

    [Fact]
    public async Task The_ptc_codes_are_the_2022_2025_plans_and_its_programme_reads_them_as_before()
    {
        var plans = await Run<PlanDirectory, IReadOnlyList<PlanDirectory.Row>>(d => d.ListAsync(CancellationToken.None));
        var plan = Assert.Single(plans, p => p.Period == "2022-2025");
        Assert.Equal(13, plan.Codes);
        Assert.True(plan.Programmes >= 1);

        var view = await Run<ViewProgramme.Handler, ViewProgramme.Result?>(h => h.HandleAsync(new ViewProgramme.Query(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None));
        Assert.Contains(view!.PlanElements, e => e.Code == "PS1" && e.Display.En == "SP1");
        var choices = await Run<ActivityChoices.Handler, ActivityChoices.Result>(h => h.HandleAsync(SeedFile.PtcSlug, CancellationToken.None));
        Assert.Equal(13, choices.PlanElements.Count);
    }

    [Fact]
    public async Task A_new_programme_follows_the_plan_covering_its_first_year_and_its_activity_form_offers_that_plans_codes()
    {
        await NewPlanWithTwoCodesAsync();

        var created = await Run<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h =>
            h.HandleAsync(new CreateProgramme.Command(Viewer.Operator, "clf-2026-2029", "CLF", "2026-2029"), CancellationToken.None));
        var older = await Run<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h =>
            h.HandleAsync(new CreateProgramme.Command(Viewer.Operator, "clf-2023-2026", "CLF", "2023-2026"), CancellationToken.None));

        Assert.True(created.Succeeded && older.Succeeded);
        var choices = await Run<ActivityChoices.Handler, ActivityChoices.Result>(h => h.HandleAsync("clf-2026-2029", CancellationToken.None));
        Assert.Equal(["SP1", "SP2"], choices.PlanElements.Select(e => e.Code));
        var olderChoices = await Run<ActivityChoices.Handler, ActivityChoices.Result>(h => h.HandleAsync("clf-2023-2026", CancellationToken.None));
        Assert.Contains(olderChoices.PlanElements, e => e.Code == "PS1");
        Assert.DoesNotContain(olderChoices.PlanElements, e => e.Code == "SP1");
    }

    [Fact]
    public async Task A_plan_named_on_creation_is_followed_and_an_unknown_one_is_refused_in_words()
    {
        await NewPlanWithTwoCodesAsync();

        var named = await Run<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h =>
            h.HandleAsync(new CreateProgramme.Command(Viewer.Operator, "clf-2025-2028", "CLF", "2025-2028", Plan: "2026-2029"), CancellationToken.None));
        var unknown = await Run<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h =>
            h.HandleAsync(new CreateProgramme.Command(Viewer.Operator, "clf-2031-2034", "CLF", "2031-2034", Plan: "2031-2034"), CancellationToken.None));

        Assert.True(named.Succeeded);
        var choices = await Run<ActivityChoices.Handler, ActivityChoices.Result>(h => h.HandleAsync("clf-2025-2028", CancellationToken.None));
        Assert.Equal(["SP1", "SP2"], choices.PlanElements.Select(e => e.Code));
        var message = Assert.Single(unknown.Failure!.Messages, m => m.Field == "plan");
        Assert.Contains("No Strategic Plan for the period '2031-2034'", message.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_activity_takes_a_code_of_its_programmes_plan_and_a_code_of_another_plan_is_refused()
    {
        await NewPlanWithTwoCodesAsync();
        await Run<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h =>
            h.HandleAsync(new CreateProgramme.Command(Viewer.Operator, "clf-2026-2029", "CLF", "2026-2029"), CancellationToken.None));
        ActivityContent Content(string code) => new()
        {
            Section = Section.Permanent, Priority = Priority.A, Title = new BilingualText("Première activité", "First activity"), BodyCodes = ["CLF"], PlanCodes = [code],
            LinkedToStrategicPlan = true, Deadline = Deadline.ContinuousWork(new BilingualText("Travail continu", "Continuous work")),
        };

        var refused = await Run<CreateActivity.Handler, Result<Guid>>(h =>
            h.HandleAsync(new CreateActivity.Command(Viewer.Operator, "clf-2026-2029", Content("PS1")), CancellationToken.None));
        var added = await Run<CreateActivity.Handler, Result<Guid>>(h =>
            h.HandleAsync(new CreateActivity.Command(Viewer.Operator, "clf-2026-2029", Content("SP2")), CancellationToken.None));

        Assert.Contains(refused.Problems, p => p.En == "Unknown Strategic Plan code 'PS1'.");
        Assert.True(added.Succeeded, string.Join(" ", added.Problems.Select(p => p.En)));
        var view = await Run<ViewProgramme.Handler, ViewProgramme.Result?>(h => h.HandleAsync(new ViewProgramme.Query(Viewer.Operator, "clf-2026-2029"), CancellationToken.None));
        Assert.Contains(view!.PlanElements, e => e.Code == "SP2" && e.Display.En == "SP2");
    }

    [Fact]
    public async Task A_code_in_use_is_renamed_and_audited_but_not_deleted_and_an_unused_code_is_deleted()
    {
        var version = await VersionAsync("2022-2025");
        var renamed = await Edit(h => h.HandleAsync(new PlanEdits.RenameCode(Viewer.Operator, "2022-2025", version, "PS1", "PS1", "SP1",
            "Processus stratégique 1, renommé", "Strategic process 1, renamed"), CancellationToken.None));
        Assert.True(renamed.Succeeded, string.Join(" ", renamed.Problems.Select(p => p.En)));

        var refused = await Edit(h => h.HandleAsync(new PlanEdits.DeleteCode(Viewer.Operator, "2022-2025", renamed.Value, "PS1"), CancellationToken.None));
        var added = await Edit(h => h.HandleAsync(new PlanEdits.AddCode(Viewer.Operator, "2022-2025", renamed.Value, "NEW1", null, null, "Nouveau", "New",
            PlanElementGroup.FocusArea), CancellationToken.None));
        var deleted = await Edit(h => h.HandleAsync(new PlanEdits.DeleteCode(Viewer.Operator, "2022-2025", added.Value, "NEW1"), CancellationToken.None));

        Assert.Contains(refused.Problems, p => p.En!.Contains("can be renamed, not deleted", StringComparison.Ordinal));
        Assert.True(deleted.Succeeded);
        var plan = (await Run<PlanDirectory, PlanDirectory.Plan?>(d => d.FindAsync("2022-2025", CancellationToken.None)))!;
        Assert.Equal("Strategic process 1, renamed", plan.Codes.Single(c => c.Value == "PS1").Label.En);
        Assert.DoesNotContain(plan.Codes, c => c.Value == "NEW1");
        var trail = await Run<WorkProgrammeDb, List<(string Field, string? New)>>(async db =>
            (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "PlanElement" && e.EntityId == "PS1")
                .Select(e => new { e.Field, e.NewValue }).ToListAsync()).Select(e => (e.Field, e.NewValue)).ToList());
        Assert.Contains(("Label.En", "Strategic process 1, renamed"), trail);
    }

    [Fact]
    public async Task A_save_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var stale = await VersionAsync("2022-2025");
        var first = await Edit(h => h.HandleAsync(new PlanEdits.RenameCode(Viewer.Operator, "2022-2025", stale, "FA1", "FA1", "FA1", "Un", "One"),
            CancellationToken.None));
        var before = await database.ContentHashAsync();

        var second = await Edit(h => h.HandleAsync(new PlanEdits.RenameCode(Viewer.Operator, "2022-2025", stale, "FA1", "FA1", "FA1", "Deux", "Two"),
            CancellationToken.None));

        Assert.True(first.Succeeded);
        Assert.True(second.Failure!.Stale || second.Failure.Kind == FailureKind.Conflict);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Plans_are_refused_to_non_administrators_for_overlapping_or_malformed_periods_and_for_a_duplicate_code()
    {
        await NewPlanWithTwoCodesAsync();
        var before = await database.ContentHashAsync();

        var byEditor = await Edit(h => h.HandleAsync(new PlanEdits.Create(Editor, "2030-2033", "Plan", "Plan"), CancellationToken.None));
        var overlapping = await Edit(h => h.HandleAsync(new PlanEdits.Create(Viewer.Operator, "2027-2030", "Plan", "Plan"), CancellationToken.None));
        var malformed = await Edit(h => h.HandleAsync(new PlanEdits.Create(Viewer.Operator, "2033-2030", "Plan", "Plan"), CancellationToken.None));
        var version = await VersionAsync("2026-2029");
        var duplicate = await Edit(h => h.HandleAsync(new PlanEdits.AddCode(Viewer.Operator, "2026-2029", version, "SP1", null, null, "Encore", "Again",
            PlanElementGroup.FocusArea), CancellationToken.None));
        var editorRename = await Edit(h => h.HandleAsync(new PlanEdits.RenameCode(Editor, "2026-2029", version, "SP1", "SP1", "SP1", "X", "X"),
            CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, byEditor.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, editorRename.Failure!.Kind);
        Assert.Contains(overlapping.Problems, p => p.En!.Contains("shares years with the 2026-2029 plan", StringComparison.Ordinal));
        Assert.Equal(FailureKind.Invalid, malformed.Failure!.Kind);
        Assert.Contains(duplicate.Problems, p => p.En!.Contains("already has the code 'SP1'", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task The_migration_moves_the_codes_and_programmes_stored_before_it_into_the_2022_2025_plan()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync();
        await empty.RunAsync<WorkProgrammeDb>(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_StrategicPlans", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "PlanElements" ("Code", "DisplayCodeFr", "DisplayCodeEn", "LabelFr", "LabelEn", "Group", "Order")
                VALUES ('PS1', 'PS1', 'SP1', 'Processus 1', 'Process 1', 'StrategicProcess', 1)
                """);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Programmes" ("Slug", "BodyCode", "PeriodStart", "PeriodEnd", "TitleFr", "TitleEn", "IsArchived")
                VALUES ('ptc-2022-2025', 'CTP', 2022, 2025, 'Programme', 'Programme', FALSE)
                """);
            await migrator.MigrateAsync();
        });

        var (plan, element, programme) = await empty.RunAsync<WorkProgrammeDb, (StrategicPlan, StrategicPlanElement, int?)>(async db =>
            (await db.StrategicPlans.AsNoTracking().SingleAsync(), await db.PlanElements.AsNoTracking().SingleAsync(),
                await db.Programmes.Select(p => p.PlanId).SingleAsync()));
        Assert.Equal(("2022-2025", "WCO Strategic Plan 2022–2025"), (plan.Period, plan.Title.En));
        Assert.Equal((plan.Id, "PS1", "Process 1"), (element.PlanId, element.Code, element.Label.En));
        Assert.Equal(plan.Id, programme);
    }
}
