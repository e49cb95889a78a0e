using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Insight;

/// <summary>
/// Officers per unit on the PTC programme, added up by hand from the 31 distinct resources texts of the 94 live rows
/// (e.g. 26 × "Un/deux agent(s) de la Sous-direction de la facilitation" = 26–52, 17 × "0,5 agent" = 8.5).
/// </summary>
public sealed class WorkloadFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Workload.Result> WorkloadAsync() =>
        (await database.RunAsync<Workload.Handler, Workload.Result?>(h => h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None)))!;

    [Fact]
    public async Task Totals_officers_per_unit()
    {
        var workload = await WorkloadAsync();

        Assert.Equal(
            [
                (StaffUnit.Facilitation, 98m, 144m), (StaffUnit.Control, 5m, 8m), (StaffUnit.CapacityBuilding, 6m, 8m),
                (StaffUnit.Research, 2m, 3m), (StaffUnit.TariffAndTrade, 2m, 4m), (StaffUnit.InformationTechnology, 2m, 3m),
                (StaffUnit.Events, 6m, 9m),
            ],
            workload.ByUnit.Select(t => (t.Key!.Value, t.Min, t.Max)));
    }

    [Fact]
    public async Task Keeps_the_six_texts_it_cannot_count_for_showing_as_written()
    {
        var workload = await WorkloadAsync();

        Assert.Equal(6, workload.Unsure.Count);
        Assert.Contains(workload.Unsure, l => l.Resources.Fr == "Fonctionnaires de la Sous-Direction de l’Origine");
        Assert.Equal(2, workload.Unsure.Count(l => l.Resources.Fr!.StartsWith("Équipe en charge", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Totals_per_priority_add_up_to_the_programme_total()
    {
        var workload = await WorkloadAsync();

        Assert.Equal((121m, 179m), (workload.Min, workload.Max));
        Assert.Equal(workload.Min, workload.ByPriority.Sum(t => t.Min));
        Assert.Equal(workload.Max, workload.ByPriority.Sum(t => t.Max));
        Assert.Equal([Priority.A, Priority.B, Priority.C, null], workload.ByPriority.Select(t => t.Key));
        Assert.Equal(94, workload.ByPriority.Sum(t => t.Activities));
    }

    [Fact]
    public async Task Estimates_staff_time_from_the_assumed_share_of_a_full_time_post_per_officer_and_activity()
    {
        var byDefault = await WorkloadAsync();
        var fifth = (await database.RunAsync<Workload.Handler, Workload.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug, Share: 0.2m), CancellationToken.None)))!;

        Assert.Equal((0.1m, 12.1m, 17.9m), (byDefault.Share, byDefault.FteMin, byDefault.FteMax));
        Assert.Equal((9.8m, 14.4m), (byDefault.ByUnit[0].FteMin, byDefault.ByUnit[0].FteMax));
        Assert.Equal((24.2m, 35.8m), (fifth.FteMin, fifth.FteMax));
        Assert.Equal((121m, 179m), (fifth.Min, fifth.Max));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public async Task A_share_outside_a_full_time_post_falls_back_to_the_default(decimal share)
    {
        var workload = (await database.RunAsync<Workload.Handler, Workload.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug, Share: share), CancellationToken.None)))!;

        Assert.Equal(Workload.DefaultShare, workload.Share);
    }
}
