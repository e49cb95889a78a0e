using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Insight;

/// <summary>
/// The dashboard's numbers against the PTC document counted by hand (jq over data/ptc-2022-2025.json): 94 live
/// activities, 42 time-bound and 52 permanent, status for the 243rd/244th sessions (April 2024).
/// </summary>
public sealed class DashboardFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Dashboard.Result> DashboardAsync(Viewer? viewer = null, string? session = null) =>
        (await database.RunAsync<Dashboard.Handler, Dashboard.Result?>(h =>
            h.HandleAsync(new(viewer ?? Viewer.Anonymous, SeedFile.PtcSlug, SessionKey: session), CancellationToken.None)))!;

    private static Dictionary<string, int> Counts<T>(IEnumerable<Dashboard.Slice<T>> slices)
        where T : struct => slices.ToDictionary(s => s.Key?.ToString() ?? "blank", s => s.Count);

    [Fact]
    public async Task Counts_the_ninety_four_live_activities_by_execution_level()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(94, dashboard.Activities);
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 14, ["Blue"] = 73, ["Red"] = 7 }, Counts(dashboard.ByLevel));
        Assert.Equal(73.0 / 94, dashboard.ByLevel.Single(s => s.Key == ExecutionLevel.Blue).Share, 6);
        Assert.Equal("ctp-243-244", dashboard.StatusSession?.Key);
    }

    [Fact]
    public async Task Counts_priorities_with_the_six_blank_ones()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(new Dictionary<string, int> { ["A"] = 45, ["B"] = 41, ["C"] = 2, ["blank"] = 6 }, Counts(dashboard.ByPriority));
    }

    [Fact]
    public async Task Counts_task_types_and_sections()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(new Dictionary<string, int> { ["fine-tuning"] = 0, ["updating"] = 13, ["development"] = 22, ["maintenance"] = 59 },
            dashboard.ByTaskType.ToDictionary(s => s.TaskType?.Code ?? "blank", s => s.Count));
        Assert.Equal(["Mise au point", "Mise à jour", "Développement", "Suivi"], dashboard.ByTaskType.Select(s => s.TaskType!.Name.Fr));
        Assert.Equal(new Dictionary<string, int> { ["TimeBound"] = 42, ["Permanent"] = 52 }, Counts(dashboard.BySection));
    }

    [Fact]
    public async Task Crosses_strategic_plan_elements_with_execution_levels()
    {
        var dashboard = await DashboardAsync();
        Dictionary<string, int> Row(string code) => Counts(dashboard.Coverage.Single(c => c.Element.Code == code).ByLevel);

        Assert.Equal(new Dictionary<string, int> { ["Green"] = 6, ["Blue"] = 13, ["Red"] = 4 }, Row("PS1"));
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 2, ["Blue"] = 23, ["Red"] = 0 }, Row("ORG1"));
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 5, ["Blue"] = 3, ["Red"] = 1 }, Row("FA2"));
        Assert.Equal(["PS1", "PS2", "PS3", "PS4", "PS5", "FA1", "FA2", "FA3", "OS1", "OS2", "ORG1"],
            dashboard.Coverage.Select(c => c.Element.Code));
        Assert.Equal(23, dashboard.Coverage[0].Total);
    }

    [Fact]
    public async Task Shows_the_link_rule_broken_by_activity_II_20()
    {
        var link = (await DashboardAsync()).Link;

        Assert.Equal((93, 94), (link.Linked, link.Total));
        Assert.False(link.IsMet);
        Assert.Equal(["II.20"], link.NotLinked.Select(a => a.Reference));
    }

    [Fact]
    public async Task Lists_activity_I_8_as_overdue_with_the_programme_rule()
    {
        var overdue = (await DashboardAsync()).Overdue;

        Assert.Equal(["I.8"], overdue.Select(a => a.Reference));
        Assert.Equal("Printemps 2023 (CTP)", overdue[0].Deadline.Fr);
    }

    [Fact]
    public async Task Lists_deadlines_due_at_the_next_two_sessions_assumed_in_october_2024_and_april_2025()
    {
        var next = (await DashboardAsync()).NextSessions;

        Assert.Equal([(2024, 10, true, new[] { 245, 246 }), (2025, 4, true, new[] { 247, 248 })],
            next.Select(n => (n.Year, n.Month, n.Assumed, n.Ordinals.ToArray())).ToList(), new SessionComparer());
        Assert.Equal(["I.1", "I.3", "I.11", "I.16", "I.17", "I.18", "I.20", "I.26", "I.27", "I.29", "I.30", "I.32", "I.40"],
            next[0].DueActivities.Select(a => a.Reference));
        Assert.Equal(["I.1", "I.3", "I.12", "I.13", "I.19", "I.23", "I.24", "I.25", "I.27", "I.31", "I.34", "I.35", "I.37", "I.38", "I.39", "I.41", "I.42"],
            next[1].DueActivities.Select(a => a.Reference));
    }

    [Fact]
    public async Task Takes_the_next_session_from_the_calendar_when_it_is_recorded()
    {
        await AddAutumnSessionAsync();

        var next = (await DashboardAsync()).NextSessions;

        Assert.Equal("ctp-245-246", next[0].Key);
        Assert.False(next[0].Assumed);
        Assert.True(next[1].Assumed);
    }

    [Fact]
    public async Task Shows_progress_over_sessions_from_published_reports_only()
    {
        var session = await AddAutumnSessionAsync();
        await database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, session), CancellationToken.None));
        var before = await DashboardAsync(Editor);
        Assert.Equal(["ctp-241-242", "ctp-243-244"], before.Progress.Select(p => p.Session.Key));

        var row = (await database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, session), CancellationToken.None)))!
            .Rows.Single(r => r.Reference == "I.8");
        await database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Editor, SeedFile.PtcSlug, session,
            row.ActivityId, row.RowVersion, StatusKeyword.Completed, new BilingualText("Achevée.", null), BilingualText.Empty, []), CancellationToken.None));
        await database.RunAsync<PublishRound.Handler, Result<Done>>(async h => await h.HandleAsync(new(Editor, SeedFile.PtcSlug, session, true, await h.CurrentVersionAsync(SeedFile.PtcSlug, session, CancellationToken.None)), CancellationToken.None));

        var after = await DashboardAsync();

        // 2023-10: the 71 reports legible in the seed's deleted text, less those of the retired activities.
        Assert.Equal(["ctp-241-242", "ctp-243-244", "ctp-245-246"], after.Progress.Select(p => p.Session.Key));
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 2, ["Blue"] = 65, ["Red"] = 2 }, Counts(after.Progress[0].ByLevel));
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 14, ["Blue"] = 73, ["Red"] = 7 }, Counts(after.Progress[1].ByLevel));
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 15, ["Blue"] = 73, ["Red"] = 6 }, Counts(after.Progress[2].ByLevel));
        Assert.Equal("ctp-245-246", after.StatusSession?.Key);
        Assert.DoesNotContain(after.Overdue, a => a.Reference == "I.8");
    }

    [Fact]
    public async Task Looks_back_at_an_earlier_session_when_asked()
    {
        var dashboard = await DashboardAsync(session: "ctp-241-242");

        Assert.Equal("ctp-241-242", dashboard.StatusSession?.Key);
        // The October 2023 reports of the activities still in the programme; the 16 added in April 2024 (and those the
        // older version left without status) have none.
        Assert.Equal(new Dictionary<string, int> { ["Green"] = 2, ["Blue"] = 65, ["Red"] = 2, ["blank"] = 25 }, Counts(dashboard.ByLevel));
    }

    [Fact]
    public async Task Knows_no_programme_it_does_not_have()
    {
        Assert.Null(await database.RunAsync<Dashboard.Handler, Dashboard.Result?>(h => h.HandleAsync(new(Viewer.Anonymous, "nope"), CancellationToken.None)));
    }

    private Task<string> AddAutumnSessionAsync() => database.RunAsync<AddSession.Handler, string>(h =>
        h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));

    private sealed class SessionComparer : IEqualityComparer<(int, int, bool, int[])>
    {
        public bool Equals((int, int, bool, int[]) x, (int, int, bool, int[]) y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3 == y.Item3 && x.Item4.SequenceEqual(y.Item4);

        public int GetHashCode((int, int, bool, int[]) obj) => HashCode.Combine(obj.Item1, obj.Item2);
    }
}
