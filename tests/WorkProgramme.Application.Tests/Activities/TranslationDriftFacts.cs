using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Activities;

public sealed class TranslationDriftFacts : IAsyncLifetime
{
    private static readonly Viewer Alice = new("a", "alice@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Guid> IdAsync(string section, int number)
    {
        var file = (await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;
        return file.Activities.Single(a => a.Section == section && a.Number == number).Id!.Value;
    }

    private Task<ActivityRowView> RowAsync(Guid id) =>
        database.RunAsync<ViewActivity.Handler, ActivityRowView>(async h =>
            (await h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, id), CancellationToken.None))!.Row);

    private async Task<Result<Versioned<ActivityContent>>> EditTitleAsync(Guid id, Func<BilingualText, BilingualText> change)
    {
        var row = await RowAsync(id);
        var content = new ActivityContent
        {
            Section = row.Section, Number = row.Number, PreviousNumber = row.PreviousNumber, Revision = row.Revision,
            Priority = row.Priority, LinkedToStrategicPlan = row.LinkedToStrategicPlan,
            PlanCodes = row.PlanElements.Select(p => p.Code).ToList(), TaskType = row.TaskType?.Code,
            BodyCodes = row.Bodies.Select(b => b.Code).ToList(), Title = change(row.Title), Resources = row.Resources,
            Kpi = row.Kpi, Deadline = row.Deadline,
        };
        return await database.RunAsync<EditActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new EditActivity.Command(Alice, SeedFile.PtcSlug, id, row.RowVersion, content), CancellationToken.None));
    }

    private Task<CheckProgramme.Result?> ChecksAsync() =>
        database.RunAsync<CheckProgramme.Handler, CheckProgramme.Result?>(h => h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None));

    [Fact]
    public async Task The_shipped_data_starts_with_no_drift()
    {
        var checks = (await ChecksAsync())!;

        Assert.DoesNotContain(checks.Findings, f => f.Violation.Rule == RuleCode.TranslationOutdated);
    }

    [Fact]
    public async Task Editing_the_French_title_flags_the_English_until_an_editor_confirms_it_and_both_are_audited()
    {
        var id = await IdAsync("time-bound", 30);
        Assert.NotNull((await RowAsync(id)).Title.En);

        var saved = await EditTitleAsync(id, t => new BilingualText(t.Fr + " (révisé)", t.En));

        Assert.Null(saved.Failure);
        var flagged = await RowAsync(id);
        Assert.Equal([new OutdatedTranslation(TextField.Title, Language.En)], flagged.OutdatedTranslations);
        var finding = Assert.Single((await ChecksAsync())!.Findings, f => f.Violation.Rule == RuleCode.TranslationOutdated);
        Assert.Equal((id, Severity.Warning), (finding.Violation.ActivityId!.Value, finding.Violation.Severity));

        var stale = await database.RunAsync<ConfirmTranslation.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, id, flagged.RowVersion - 1), CancellationToken.None));
        var confirmed = await database.RunAsync<ConfirmTranslation.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, id, flagged.RowVersion), CancellationToken.None));

        Assert.True(stale.Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Null(confirmed.Failure);
        Assert.Empty((await RowAsync(id)).OutdatedTranslations ?? []);
        Assert.DoesNotContain((await ChecksAsync())!.Findings, f => f.Violation.Rule == RuleCode.TranslationOutdated);
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new("Activity", id.ToString()), CancellationToken.None));
        var drift = trail.Rows.Where(r => r.Field == "OutdatedTranslations").ToList();
        Assert.Equal(2, drift.Count);
        Assert.Contains(drift, r => r.NewValue is not null && r.NewValue.Contains("Title", StringComparison.Ordinal));
        Assert.Contains(drift, r => r.NewValue == "[]");
    }

    [Fact]
    public async Task Only_an_editor_of_the_body_may_confirm()
    {
        var id = await IdAsync("time-bound", 1);
        var member = new Viewer("m", "m@example.org", new HashSet<string> { Roles.Member }, "CTP");

        var outcome = await database.RunAsync<ConfirmTranslation.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new(member, SeedFile.PtcSlug, id, 1), CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
    }
}
