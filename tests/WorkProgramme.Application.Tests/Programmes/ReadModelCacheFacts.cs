using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Programmes;

/// <summary>
/// The programme's read model is kept per state of the record and shared by viewers (docs/decisions/0037). Each
/// <see cref="TestServices"/> is one app instance: its own cache, the same database.
/// </summary>
public sealed class ReadModelCacheFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;
    private TestServices first = null!;
    private TestServices second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        first = database.With(new Dictionary<string, string?>());
        second = database.With(new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<ViewProgramme.Result> ViewAsync(TestServices instance, Viewer viewer, ViewProgramme.Filter? filter = null) =>
        (await instance.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(viewer, SeedFile.PtcSlug, null, filter), CancellationToken.None)))!;

    private static ActivityRowView Row(ViewProgramme.Result result, string reference) =>
        result.Sections.SelectMany(s => s.Rows).Single(r => r.Reference == reference);

    private static async Task RetitleAsync(TestServices instance, ActivityRowView row, string english)
    {
        var content = new ActivityContent
        {
            Section = row.Section, Number = row.Number, PreviousNumber = row.PreviousNumber, Revision = row.Revision,
            Priority = row.Priority, LinkedToStrategicPlan = row.LinkedToStrategicPlan,
            PlanCodes = row.PlanElements.Select(p => p.Code).ToList(), TaskType = row.TaskType?.Code,
            BodyCodes = row.Bodies.Select(b => b.Code).ToList(), Title = new BilingualText(row.Title.Fr, english), Resources = row.Resources,
            Kpi = row.Kpi, Deadline = row.Deadline,
        };
        var result = await instance.RunAsync<EditActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new EditActivity.Command(Editor, SeedFile.PtcSlug, row.ActivityId, row.RowVersion, content), CancellationToken.None));
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task Viewers_of_the_same_kind_share_one_model_until_the_record_changes()
    {
        var once = await ViewAsync(first, Viewer.Anonymous);
        var again = await ViewAsync(first, Viewer.Anonymous);
        var filtered = await ViewAsync(first, Viewer.Anonymous, new ViewProgramme.Filter(Priority: Priority.A));

        Assert.Same(Row(once, "I.1"), Row(again, "I.1"));
        Assert.Equal(once.State, filtered.State);
        Assert.NotEmpty(filtered.Sections.SelectMany(s => s.Rows));
        Assert.All(filtered.Sections.SelectMany(s => s.Rows), r => Assert.Equal(Priority.A, r.Priority));
        Assert.Equal(94, filtered.Sections.Sum(s => s.Total));

        await RetitleAsync(first, Row(once, "I.1"), "Retitled once");

        Assert.NotSame(Row(once, "I.1"), Row(await ViewAsync(first, Viewer.Anonymous), "I.1"));
    }

    [Fact]
    public async Task A_change_shows_at_the_next_view_on_the_instance_that_made_it()
    {
        var before = Row(await ViewAsync(first, Editor), "I.1");

        await RetitleAsync(first, before, "Compile the annual updates, revised");

        Assert.Equal("Compile the annual updates, revised", Row(await ViewAsync(first, Editor), "I.1").Title.En);
        Assert.Equal("Compile the annual updates, revised", Row(await ViewAsync(first, Viewer.Anonymous), "I.1").Title.En);
    }

    [Fact]
    public async Task A_change_made_through_another_instance_shows_at_the_next_view()
    {
        var before = await ViewAsync(second, Viewer.Anonymous);

        await RetitleAsync(first, Row(before, "I.1"), "Changed through the other instance");

        var after = await ViewAsync(second, Viewer.Anonymous);
        Assert.Equal("Changed through the other instance", Row(after, "I.1").Title.En);
        Assert.NotEqual(before.State, after.State);
    }

    [Fact]
    public async Task A_viewer_who_may_not_see_drafts_never_gets_the_model_built_for_one_who_may()
    {
        var started = await first.RunAsync<ProgrammeVersions.Handler, Result<string>>(h =>
            h.HandleAsync(new ProgrammeVersions.StartCommand(Viewer.Operator, SeedFile.PtcSlug, "2024-10", null, "ctp-243-244"), CancellationToken.None));
        Assert.Null(started.Failure);

        var secretariat = await ViewAsync(first, Viewer.Operator);
        var reader = await ViewAsync(first, Viewer.Anonymous);

        Assert.Equal("2024-10", secretariat.Version.Label);
        Assert.Contains(secretariat.Versions, v => v.Label == "2024-10");
        Assert.Equal("2024-04", reader.Version.Label);
        Assert.DoesNotContain(reader.Versions, v => v.Label == "2024-10");
        Assert.NotEqual(secretariat.State, reader.State);
    }
}
