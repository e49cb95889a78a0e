using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Insight;

/// <summary>The organisation view over the seeded database (one committee, the PTC) and filters across programmes.</summary>
public sealed class OrganisationOverviewFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<OrganisationOverview.Result> OverviewAsync(OrganisationOverview.Query query) =>
        database.RunAsync<OrganisationOverview.Handler, OrganisationOverview.Result>(h => h.HandleAsync(query, CancellationToken.None));

    [Fact]
    public async Task Counts_each_programme_by_execution_level()
    {
        var overview = await OverviewAsync(new(Viewer.Anonymous));

        var ptc = Assert.Single(overview.Programmes);
        Assert.Equal((94, 14, 73, 7, 0, 1), (ptc.Activities, ptc.Green, ptc.Blue, ptc.Red, ptc.NoReport, ptc.Overdue));
        Assert.Empty(overview.Matches);
    }

    [Fact]
    public async Task Finds_the_overdue_activities_staffed_by_the_facilitation_sub_directorate()
    {
        var overview = await OverviewAsync(new(Viewer.Anonymous, Unit: StaffUnit.Facilitation, OverdueOnly: true));

        Assert.Equal(["I.8"], overview.Matches.Select(m => m.Reference));
    }

    [Fact]
    public async Task Filters_by_lead_body_and_priority()
    {
        var overview = await OverviewAsync(new(Viewer.Anonymous, LeadBody: "CTP", Priority: Priority.C));

        Assert.Equal(["I.17"], overview.Matches.Select(m => m.Reference));
        Assert.Contains("CTP", overview.LeadBodies);
    }
}
