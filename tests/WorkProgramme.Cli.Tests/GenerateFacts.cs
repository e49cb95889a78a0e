using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class GenerateFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Generates_committees_with_their_programmes_beside_the_ptc()
    {
        var run = await Wp.RunAsync(database, ["generate", "--committees", "3", "--activities", "10", "--sessions", "4", "--lang", "en"]);

        Assert.Equal((0, "3 programmes, 30 activities generated."), (run.Exit, run.Output.Trim()));
        var overview = await database.RunAsync<OrganisationOverview.Handler, OrganisationOverview.Result>(h =>
            h.HandleAsync(new OrganisationOverview.Query(Viewer.Anonymous), CancellationToken.None));
        Assert.Equal(["ptc-2022-2025", "scale-c001", "scale-c002", "scale-c003"], overview.Programmes.Select(p => p.Slug));
        Assert.All(overview.Programmes.Skip(1), p => Assert.Equal((10, 0), (p.Activities, p.NoReport)));
        Assert.Equal("c001-4", overview.Programmes[1].StatusSessionKey);
    }

    [Fact]
    public async Task Refuses_absurd_sizes()
    {
        var run = await Wp.RunAsync(database, ["generate", "--committees", "0", "--lang", "en"]);

        Assert.NotEqual(0, run.Exit);
        Assert.Contains("Between 1 and 999 committees", run.Error, StringComparison.Ordinal);
    }
}
