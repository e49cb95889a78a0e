using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp reminders send [--dry-run]</c> on a day that is a reminder day (the session starts in ten days).</summary>
public sealed class RemindersCommandFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    private Dictionary<string, string?> settings = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var editor = new Viewer("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");
        var session = await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [301], start.Year, start.Month, null, start), CancellationToken.None));
        await database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(editor, SeedFile.PtcSlug, session), CancellationToken.None));
        var officer = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command("officer@example.org", Roles.Editor, "CTP", "correct horse battery"), CancellationToken.None));
        var first = (await database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(editor, SeedFile.PtcSlug, session), CancellationToken.None)))!
            .Rows[0].ActivityId;
        await database.RunAsync<Application.Features.Assignments.Assignments.Handler, Result<string>>(h => h.HandleAsync(new(editor, SeedFile.PtcSlug, first,
            [officer.UserId!], Application.Features.Assignments.Assignments.VersionOf([])), CancellationToken.None));
        settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "1", ["Email:From"] = "wp@example.org", ["Reminders:DaysBefore"] = "30,10",
        };
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await WpCli.RunAsync(args, output, error, settings);
        return (exit, output.ToString() + error);
    }

    [Fact]
    public async Task A_dry_run_lists_todays_reminders_then_send_queues_them_once()
    {
        var dry = await RunAsync("reminders", "send", "--dry-run", "--lang", "en");
        Assert.Equal(0, dry.Exit);
        Assert.Matches(@"reminder\tofficer@example\.org\tptc-2022-2025\tctp-301\t\d{4}-\d\d-\d\d\t1\n", dry.Output);
        Assert.Contains("To send: 2 · Already sent: 0 (nothing queued)", dry.Output);

        Assert.Contains("Queued: 2 · Already sent: 0", (await RunAsync("reminders", "send", "--lang", "en")).Output);
        Assert.Contains("Queued: 0 · Already sent: 2", (await RunAsync("reminders", "send", "--lang", "en")).Output);
        var status = await RunAsync("mail", "status", "--lang", "en");
        Assert.Contains("\treport reminder\tofficer@example.org\t", status.Output);
        Assert.Contains("\tround progress\tofficer@example.org\t", status.Output);
    }
}
