using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class MailCommandFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(int Exit, string Output, string Error)> RunAsync(IDictionary<string, string?> extra, params string[] args)
    {
        var settings = new Dictionary<string, string?>(database.Settings);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await WpCli.RunAsync(args, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Without_email_an_invitation_prints_the_link_to_pass_on()
    {
        var (exit, output, error) = await RunAsync(new Dictionary<string, string?> { ["App:PublicUrl"] = "https://wp.example.org/" },
            "user", "invite", "--email", "new@example.org", "--role", "member", "--body", "CTP", "--lang", "en");

        Assert.True(exit == 0, error);
        Assert.Contains("Email is off. Pass this link on to new@example.org", output);
        Assert.Matches(@"https://wp\.example\.org/account/set-password\?token=[A-Za-z0-9_-]{43}\n", output);
    }

    [Fact]
    public async Task With_email_an_invitation_is_queued_and_mail_status_lists_it()
    {
        var smtp = new Dictionary<string, string?> { ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "1", ["Email:From"] = "wp@example.org" };
        var invited = await RunAsync(smtp, "user", "invite", "--email", "queued@example.org", "--role", "editor", "--lang", "en");
        Assert.True(invited.Exit == 0, invited.Error);
        Assert.Contains("Invitation for queued@example.org queued", invited.Output);
        Assert.DoesNotContain("token=", invited.Output);

        var status = await RunAsync(smtp, "mail", "status", "--lang", "en");
        Assert.Equal(0, status.Exit);
        Assert.Matches(@"\tqueued\tinvitation\tqueued@example\.org\t", status.Output);
        Assert.Contains("Queued: 1 · Sent: 0 · Failed: 0", status.Output);
    }
}
