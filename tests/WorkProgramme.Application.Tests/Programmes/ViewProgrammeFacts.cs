using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Programmes;

public sealed class ViewProgrammeFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<ViewProgramme.Result> ViewAsync(ViewProgramme.Filter? filter = null) =>
        (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug, null, filter), CancellationToken.None)))!;

    private static IEnumerable<ActivityRowView> Rows(ViewProgramme.Result result) => result.Sections.SelectMany(s => s.Rows);

    [Fact]
    public async Task Shows_both_sections_in_document_order_without_deleted_rows_by_default()
    {
        var result = await ViewAsync();

        Assert.Equal([Section.TimeBound, Section.Permanent], result.Sections.Select(s => s.Section));
        Assert.Equal(Enumerable.Range(1, 42).Cast<int?>(), result.Sections[0].Rows.Select(r => r.Number));
        Assert.Equal(Enumerable.Range(1, 52).Cast<int?>(), result.Sections[1].Rows.Select(r => r.Number));
        Assert.Equal(("PC0756", "243rd/244th"), (result.Version.DocumentSymbol, result.Version.Session!.Ordinals.En));
    }

    [Fact]
    public async Task Can_include_the_rows_deleted_in_the_revision()
    {
        var result = await ViewAsync(new ViewProgramme.Filter(IncludeDeleted: true));

        Assert.Equal([11, 2, 50], Rows(result).Where(r => r.IsDeleted).Select(r => r.PreviousNumber!.Value));
    }

    [Fact]
    public async Task Filters_by_priority_plan_task_type_body_and_keyword_together()
    {
        var result = await ViewAsync(new ViewProgramme.Filter(Priority.A, "FA2", "development", "CLF"));

        Assert.NotEmpty(Rows(result));
        Assert.All(Rows(result), r =>
        {
            Assert.Equal(Priority.A, r.Priority);
            Assert.Contains(r.PlanElements, p => p.Code == "FA2");
            Assert.Equal("development", r.TaskType?.Code);
            Assert.Contains(r.Bodies, b => b.Code == "CLF");
        });
        Assert.Equal(94, result.Sections.Sum(s => s.Total));
    }

    [Fact]
    public async Task Filters_by_keyword_or_by_its_absence()
    {
        var completed = await ViewAsync(new ViewProgramme.Filter(Keyword: StatusKeyword.Completed));
        var none = await ViewAsync(new ViewProgramme.Filter(NoKeyword: true));

        Assert.All(Rows(completed), r => Assert.Equal(ExecutionLevel.Green, r.Status!.ExecutionLevel));
        Assert.NotEmpty(Rows(completed));
        Assert.All(Rows(none), r => Assert.Null(r.Status?.Keyword));
    }

    [Fact]
    public async Task Offers_as_filter_options_only_the_codes_the_programme_uses_with_their_names()
    {
        var result = await ViewAsync();

        Assert.Contains(result.Bodies, b => b.Code == "CTP" && b.Display.En == "PTC" && b.Name.En == "Permanent Technical Committee");
        Assert.Contains(result.PlanElements, e => e.Code == "PS1" && e.Display.En == "SP1");
        Assert.DoesNotContain(result.PlanElements, e => e.Code == "ORG2");
    }

    [Fact]
    public async Task Shows_one_activity_with_its_history_and_the_rules_it_breaks()
    {
        var row = Rows(await ViewAsync()).Single(r => r.Reference == "II.20");

        var activity = (await database.RunAsync<ViewActivity.Handler, ViewActivity.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug, row.ActivityId), CancellationToken.None)))!;

        Assert.Equal(21, activity.Row.PreviousNumber);
        Assert.Equal(["ctp-243-244", "ctp-241-242"], activity.StatusHistory.Select(e => e.Status.SessionKey));
        Assert.Contains(activity.Violations, v => v.Rule == Domain.Rules.RuleCode.NotLinkedToStrategicPlan);
        Assert.Equal(("CTP", BodyRole.Lead), activity.BodyRoles[0]);
        Assert.Equal([("2024-04", 20, RevisionKind.Reworded), ("2023-10", 21, RevisionKind.Unchanged)],
            activity.Versions.Select(v => (v.VersionLabel, v.Number!.Value, v.Revision)));
    }

    [Fact]
    public async Task Lists_the_programme_with_its_counts()
    {
        var summary = Assert.Single(await database.RunAsync<ListProgrammes.Handler, IReadOnlyList<ListProgrammes.ProgrammeSummary>>(
            h => h.HandleAsync(new(Viewer.Anonymous), CancellationToken.None)));

        Assert.Equal((SeedFile.PtcSlug, 42, 52, "2024-04"), (summary.Slug, summary.TimeBoundActivities, summary.PermanentActivities, summary.VersionLabel));
    }

    [Fact]
    public async Task Shows_only_overdue_activities_when_asked()
    {
        var result = await ViewAsync(new ViewProgramme.Filter(OverdueOnly: true));

        Assert.Equal(["I.8"], Rows(result).Select(r => r.Reference));
        Assert.True(Rows(result).Single().Overdue);
    }
}
