using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class SessionFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, [.. args, "--lang", "en"]);

    [Fact]
    public async Task A_session_is_listed_and_rescheduled_from_the_command_line()
    {
        var moved = await RunAsync("session", "edit", "--session", "ctp-243-244", "--year", "2024", "--month", "5",
            "--start", "2024-05-13", "--end", "2024-05-17", "--place", "Brussels");
        var list = await RunAsync("session", "list", "--body", "CTP");

        Assert.Equal((0, "Session rescheduled."), (moved.Exit, moved.Output.Trim()));
        Assert.Equal("ctp-243-244\t2024-05\t-\t2024-05-13\t2024-05-17\tBrussels", list.Output.Split('\n')[0].TrimEnd('\r'));
        Assert.Equal(5, list.Output.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task A_refused_reschedule_says_why_and_fails()
    {
        var backwards = await RunAsync("session", "edit", "--session", "ctp-243-244", "--year", "2024", "--month", "4",
            "--start", "2024-04-19", "--end", "2024-04-15");
        var badDate = await RunAsync("session", "edit", "--session", "ctp-243-244", "--year", "2024", "--month", "4", "--start", "19/04/2024");
        var duplicate = await RunAsync("session", "add", "--body", "CTP", "--ordinals", "244,245", "--year", "2024", "--month", "10");

        Assert.Equal((1, "A session cannot end before it starts."), (backwards.Exit, backwards.Error.Trim()));
        Assert.Equal(2, badDate.Exit);
        Assert.Equal((1, "The PTC already has a session with that number: 243rd/244th Sessions of the PTC (April 2024)."), (duplicate.Exit, duplicate.Error.Trim()));
    }
}
