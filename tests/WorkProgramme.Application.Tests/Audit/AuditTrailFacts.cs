using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Audit;

public sealed class AuditTrailFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<AuditTrail.Result> TrailAsync(AuditTrail.Query query) =>
        database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(query, CancellationToken.None));

    [Fact]
    public async Task Loading_the_programme_records_each_entity_created()
    {
        var activities = await TrailAsync(new AuditTrail.Query("Activity", PageSize: 500));

        // The October 2023 version's 81 rows, then the April 2024 version's 97.
        Assert.Equal(81 + 97, activities.Total);
        Assert.All(activities.Rows, r => Assert.Equal(AuditEntry.Created, r.Field));
        Assert.Equal([("2023-10", 81), ("2024-04", 97)],
            activities.Rows.GroupBy(r => r.Context).OrderBy(g => g.Key).Select(g => (g.Key!, g.Count())));
    }

    [Fact]
    public async Task Changing_a_row_records_one_entry_per_changed_field_with_old_and_new_values()
    {
        var endorsed = (await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;

        // A file changes a draft only: the next version, as a draft, first.
        var file = endorsed with { Version = new VersionDto("2024-10", null, "draft", endorsed.Version!.Session) };
        Assert.True((await database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h => h.HandleAsync(new(file), CancellationToken.None))).Succeeded);
        var first = file.Activities[0];

        var outcome = await database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h => h.HandleAsync(new(file with
        {
            Activities = [first with { Priority = "C", Kpi = first.Kpi! with { En = "The annual update is adopted" } }, .. file.Activities.Skip(1)],
        }), CancellationToken.None));

        Assert.True(outcome.Succeeded);
        var changes = await TrailAsync(new AuditTrail.Query("Activity", first.Id.ToString()));
        var modified = changes.Rows.Where(r => r.Field != AuditEntry.Created).OrderBy(r => r.Field).ToList();
        Assert.Equal(
            [("Kpi.En", null, "The annual update is adopted"), ("Priority", "B", "C")],
            modified.Select(r => (r.Field, r.OldValue, r.NewValue)));
        Assert.All(modified, r => Assert.Equal("wp (operator)", r.Actor));
    }

    [Fact]
    public async Task Users_roles_and_tokens_are_in_the_trail_without_secrets()
    {
        var user = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command("officer@example.org", Roles.Editor, "CTP"), CancellationToken.None));
        await database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user.UserId!, "export"), CancellationToken.None));

        var trail = await TrailAsync(new AuditTrail.Query());

        Assert.Contains(trail.Rows, r => r.EntityType == "User" && r.EntityId == "officer@example.org" && r.Field == AuditEntry.Created);
        Assert.Contains(trail.Rows, r => r.EntityType == "UserRole" && r.NewValue == Roles.Editor);
        Assert.Contains(trail.Rows, r => r.EntityType == "ApiToken" && r.EntityId == "export");
        Assert.DoesNotContain(trail.Rows, r => (r.NewValue ?? "").Contains("AQAAAA", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"NewValue\" = 'forged'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task The_database_refuses_to_change_or_delete_audit_rows(string sql)
    {
        var refused = await Assert.ThrowsAnyAsync<DbException>(() =>
            database.RunAsync<WorkProgrammeDb, int>(db => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.Contains("audit rows cannot be", refused.Message, StringComparison.Ordinal);
    }
}
