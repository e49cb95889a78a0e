using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class SearchCommandFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<int> HitsAsync(string words) => database.RunAsync<SearchRecord.Handler, int>(async h =>
        (await h.HandleAsync(new SearchRecord.Query(Viewer.Anonymous, words, Language.En), CancellationToken.None)).Hits.Count);

    [Fact]
    public async Task Search_rebuild_writes_the_lost_index_again_and_says_how_much()
    {
        var before = await HitsAsync("facilitation");
        await database.RunAsync<WorkProgrammeDb>(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchActivities"; DELETE FROM "SearchReports";"""));
        Assert.Equal(0, await HitsAsync("facilitation"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await WpCli.RunAsync(["search", "rebuild", "--lang", "en"], output, error, database.Settings);

        Assert.True(exit == WpCli.Success, error.ToString());
        Assert.Matches(@"^Search index rebuilt: \d+ activity rows, \d+ status reports\.", output.ToString());
        Assert.True(before > 0);
        Assert.Equal(before, await HitsAsync("facilitation"));
    }
}
