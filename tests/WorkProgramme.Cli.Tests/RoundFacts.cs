using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class RoundFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, [.. args, "--lang", "en"]);

    [Fact]
    public async Task A_round_is_opened_followed_and_published_from_the_command_line()
    {
        var session = await RunAsync("session", "add", "--body", "CTP", "--ordinals", "245,246", "--year", "2024", "--month", "10", "--season", "autumn");
        Assert.Equal((0, "ctp-245-246"), (session.Exit, session.Output.Trim()));

        Assert.Equal(0, (await RunAsync("round", "open", "--programme", SeedFile.PtcSlug, "--session", "ctp-245-246")).Exit);
        var status = await RunAsync("round", "status", "--programme", SeedFile.PtcSlug, "--session", "ctp-245-246");
        var unconfirmed = await RunAsync("round", "publish", "--programme", SeedFile.PtcSlug, "--session", "ctp-245-246");
        var published = await RunAsync("round", "publish", "--programme", SeedFile.PtcSlug, "--session", "ctp-245-246", "--confirm");

        Assert.Contains("94 not yet updated, 0 updated, 0 reviewed", status.Output, StringComparison.Ordinal);
        Assert.StartsWith("I.1\tNotUpdated\tOngoing", status.Output, StringComparison.Ordinal);
        Assert.Equal(1, unconfirmed.Exit);
        Assert.Contains("94 reports not yet updated", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Round published."), (published.Exit, published.Output.Trim()));
        Assert.Equal(1, (await RunAsync("round", "open", "--programme", SeedFile.PtcSlug, "--session", "ctp-245-246")).Exit);
    }

    [Fact]
    public async Task Unknown_sessions_and_bad_ordinals_are_refused()
    {
        Assert.Equal(2, (await RunAsync("round", "open", "--programme", SeedFile.PtcSlug, "--session", "ctp-999")).Exit);
        Assert.Equal(2, (await RunAsync("session", "add", "--body", "CTP", "--ordinals", "x", "--year", "2024", "--month", "10")).Exit);
        Assert.Equal(1, (await RunAsync("session", "add", "--body", "NOPE", "--ordinals", "1", "--year", "2024", "--month", "10")).Exit);
    }
}
