using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.TaskTypes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.TaskTypes;

/// <summary>
/// Task types as data (docs/decisions/0052), on the suite's database (SQLite, or PostgreSQL with WP_TEST_PROVIDER=postgres):
/// the migration's four types in the template's order and words, the administrators' changes checked, version-checked and
/// audited, a type in use kept.
/// </summary>
public sealed class TaskTypeFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("editor", "editor", new HashSet<string> { Roles.Editor }, null);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<TaskTypeDirectory.Listing> ListAsync() =>
        database.RunAsync<TaskTypeDirectory, TaskTypeDirectory.Listing>(d => d.ListAsync(CancellationToken.None));

    private Task<Result<string>> Edit(Func<TaskTypeEdits.Handler, Task<Result<string>>> work) => database.RunAsync(work);

    private static string Problems<T>(Result<T> result) => string.Join(" ", result.Problems.Select(p => p.En));

    [Fact]
    public async Task The_migration_stores_the_templates_four_types_in_its_order_and_words_and_counts_the_ptcs_use()
    {
        var listing = await ListAsync();

        Assert.Equal(["fine-tuning", "updating", "development", "maintenance"], listing.Types.Select(t => t.Code));
        Assert.Equal(["Mise au point", "Mise à jour", "Développement", "Suivi"], listing.Types.Select(t => t.Name.Fr));
        Assert.Equal(["Fine-tuning", "Updating", "Development", "Maintenance"], listing.Types.Select(t => t.Name.En));
        Assert.True(listing.Types.Single(t => t.Code == "maintenance").Activities >= 59);
        Assert.True(listing.Types.Single(t => t.Code == "development").Activities >= 22);
    }

    [Fact]
    public async Task A_type_is_added_at_the_end_offered_to_the_activity_form_renamed_with_an_audit_row_and_moved()
    {
        var version = (await ListAsync()).Version;
        var added = await Edit(h => h.HandleAsync(new TaskTypeEdits.Add(Viewer.Operator, version, "upgrade", "Mise à niveau", "Upgrade"),
            CancellationToken.None));
        Assert.True(added.Succeeded, Problems(added));

        var choices = await database.RunAsync<ActivityChoices.Handler, ActivityChoices.Result>(h => h.HandleAsync(SeedFile.PtcSlug, CancellationToken.None));
        Assert.Equal("upgrade", choices.TaskTypes[^1].Code);

        var renamed = await Edit(h => h.HandleAsync(new TaskTypeEdits.Rename(Viewer.Operator, added.Value, "maintenance", "Suivi régulier", "Follow-up"),
            CancellationToken.None));
        Assert.True(renamed.Succeeded, Problems(renamed));
        var moved = await Edit(h => h.HandleAsync(new TaskTypeEdits.Move(Viewer.Operator, renamed.Value, "upgrade", Up: true), CancellationToken.None));
        Assert.True(moved.Succeeded, Problems(moved));

        var listing = await ListAsync();
        Assert.Equal(["fine-tuning", "updating", "development", "upgrade", "maintenance"], listing.Types.Select(t => t.Code));
        Assert.Equal(("Suivi régulier", "Follow-up"), (listing.Types[^1].Name.Fr, listing.Types[^1].Name.En));
        Assert.Equal(moved.Value, listing.Version);
        var trail = await database.RunAsync<WorkProgrammeDb, List<(string Id, string Field, string? New)>>(async db =>
            (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "TaskType")
                .Select(e => new { e.EntityId, e.Field, e.NewValue }).ToListAsync()).Select(e => (e.EntityId, e.Field, e.NewValue)).ToList());
        Assert.Contains(("maintenance", "Name.En", "Follow-up"), trail);
        Assert.Contains(trail, e => e.Id == "upgrade");
    }

    [Fact]
    public async Task A_type_in_use_is_not_deleted_and_an_unused_one_is()
    {
        var version = (await ListAsync()).Version;
        var added = await Edit(h => h.HandleAsync(new TaskTypeEdits.Add(Viewer.Operator, version, "upgrade", "Mise à niveau", "Upgrade"),
            CancellationToken.None));
        var before = await database.ContentHashAsync();

        var refused = await Edit(h => h.HandleAsync(new TaskTypeEdits.Delete(Viewer.Operator, added.Value, "maintenance"), CancellationToken.None));

        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.Contains(refused.Problems, p => p.En!.Contains("can be renamed, not deleted", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
        var deleted = await Edit(h => h.HandleAsync(new TaskTypeEdits.Delete(Viewer.Operator, added.Value, "upgrade"), CancellationToken.None));
        Assert.True(deleted.Succeeded, Problems(deleted));
        Assert.DoesNotContain((await ListAsync()).Types, t => t.Code == "upgrade");
    }

    [Fact]
    public async Task A_save_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var stale = (await ListAsync()).Version;
        var first = await Edit(h => h.HandleAsync(new TaskTypeEdits.Rename(Viewer.Operator, stale, "updating", "Révision", "Revision"), CancellationToken.None));
        var before = await database.ContentHashAsync();

        var second = await Edit(h => h.HandleAsync(new TaskTypeEdits.Rename(Viewer.Operator, stale, "updating", "Refonte", "Overhaul"), CancellationToken.None));
        var missing = await Edit(h => h.HandleAsync(new TaskTypeEdits.Add(Viewer.Operator, null, "upgrade", "Mise à niveau", "Upgrade"), CancellationToken.None));

        Assert.True(first.Succeeded, Problems(first));
        Assert.True(second.Failure is { Kind: FailureKind.Conflict, Stale: true }, second.Failure?.Kind.ToString());
        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure?.Kind);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Theory]
    [InlineData("Upgrade", "Mise à niveau", "Upgrade", "lower-case")]
    [InlineData("up grade", "Mise à niveau", "Upgrade", "lower-case")]
    [InlineData("development", "Autre", "Other", "already a task type")]
    [InlineData("upgrade", "Mise a jour", "Upgrade", "read like")]
    [InlineData("upgrade", "Mise à niveau", "MAINTENANCE", "read like")]
    [InlineData("upgrade", "Mise à niveau", null, "in French and in English")]
    [InlineData("upgrade", "Mise à\u202Eniveau", "Upgrade", "French")]
    public async Task A_malformed_code_a_taken_one_words_that_read_like_another_types_or_a_missing_language_are_refused_in_words(
        string code, string fr, string? en, string expected)
    {
        var version = (await ListAsync()).Version;
        var before = await database.ContentHashAsync();

        var refused = await Edit(h => h.HandleAsync(new TaskTypeEdits.Add(Viewer.Operator, version, code, fr, en), CancellationToken.None));

        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.Contains(refused.Problems, p => p.En!.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Task_types_are_the_administrators()
    {
        var version = (await ListAsync()).Version;

        var refused = await Edit(h => h.HandleAsync(new TaskTypeEdits.Rename(Editor, version, "updating", "Révision", "Revision"), CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, refused.Failure?.Kind);
    }

    [Fact]
    public async Task The_migration_turns_the_enum_names_the_column_held_into_codes_and_back()
    {
        var counts = await CountsAsync();
        var previous = await database.RunAsync<WorkProgrammeDb, string>(db =>
            Task.FromResult(db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_TaskTypesAsData", StringComparison.Ordinal)).Last()));

        await database.RunAsync<WorkProgrammeDb>(db => db.GetService<IMigrator>().MigrateAsync(previous));
        var before = await CountsAsync();
        await database.RunAsync<WorkProgrammeDb>(db => db.GetService<IMigrator>().MigrateAsync());

        Assert.All(before.Keys, k => Assert.Contains(k, new[] { "FineTuning", "Updating", "Development", "Maintenance" }));
        Assert.All(counts.Keys, k => Assert.Contains(k, new[] { "fine-tuning", "updating", "development", "maintenance" }));
        Assert.Equal(counts.Values.Sum(), before.Values.Sum());
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(counts["development"], before["Development"]);
        Assert.Equal(4, (await ListAsync()).Types.Count);
    }

    private Task<Dictionary<string, int>> CountsAsync() => database.RunAsync<WorkProgrammeDb, Dictionary<string, int>>(async db =>
        (await db.Database.SqlQueryRaw<string>("""SELECT "TaskType" AS "Value" FROM "ActivityVersions" WHERE "TaskType" IS NOT NULL""").ToListAsync())
            .GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
}
