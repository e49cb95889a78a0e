using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp user list|set|deactivate|reactivate</c>: the administrators' page, from the shell.</summary>
public sealed class UserAdministrationFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seed: false);
        Assert.Equal(0, (await RunAsync("user", "add", "--email", "admin@example.org", "--role", "admin")).Exit);
        Assert.Equal(0, (await RunAsync("user", "add", "--email", "officer@example.org", "--role", "editor")).Exit);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Fact]
    public async Task The_list_shows_each_users_role_body_state_and_last_sign_in_in_words()
    {
        var (exit, output, error) = await RunAsync("user", "list", "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("admin@example.org  administrator  all bodies  active  never signed in", output, StringComparison.Ordinal);
        Assert.Contains("officer@example.org  editor  all bodies  active  never signed in", output, StringComparison.Ordinal);
        Assert.Contains("2 users.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_is_listed_as_such_and_can_be_reactivated()
    {
        var deactivated = await RunAsync("user", "deactivate", "--email", "officer@example.org", "--lang", "fr");
        var listed = await RunAsync("user", "list", "--state", "deactivated", "--lang", "fr");
        var reactivated = await RunAsync("user", "reactivate", "--email", "officer@example.org", "--lang", "en");

        Assert.Equal((0, "officer@example.org : rédacteur, tous les organes, désactivé."), (deactivated.Exit, deactivated.Output.Trim()));
        Assert.Equal("officer@example.org  rédacteur  tous les organes  désactivé  jamais connecté", listed.Output.Trim());
        Assert.Equal((0, "officer@example.org: editor, all bodies, active."), (reactivated.Exit, reactivated.Output.Trim()));
    }

    [Fact]
    public async Task The_last_active_administrator_is_neither_deactivated_nor_demoted_and_the_refusal_exits_non_zero()
    {
        var deactivate = await RunAsync("user", "deactivate", "--email", "admin@example.org", "--lang", "en");
        var demote = await RunAsync("user", "set", "--email", "admin@example.org", "--role", "editor", "--lang", "fr");

        Assert.Equal(1, deactivate.Exit);
        Assert.Contains("This is the last active administrator", deactivate.Error, StringComparison.Ordinal);
        Assert.Equal(1, demote.Exit);
        Assert.Contains("C'est le dernier administrateur actif", demote.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("user", "set", "--email", "officer@example.org", "--role", "admin")).Exit);
        Assert.Equal(0, (await RunAsync("user", "set", "--email", "admin@example.org", "--role", "editor")).Exit);
    }

    [Fact]
    public async Task Clear_errors_for_an_unknown_user_a_member_without_a_body_and_two_body_choices()
    {
        var unknown = await RunAsync("user", "deactivate", "--email", "nobody@example.org", "--lang", "en");
        var member = await RunAsync("user", "set", "--email", "officer@example.org", "--role", "member", "--lang", "en");
        var both = await RunAsync("user", "set", "--email", "officer@example.org", "--body", "CTP", "--all-bodies", "--lang", "en");
        var badRole = await RunAsync("user", "set", "--email", "officer@example.org", "--role", "owner");

        Assert.Equal((2, "No user nobody@example.org."), (unknown.Exit, unknown.Error.Trim()));
        Assert.Equal((1, "A member belongs to a committee: choose their body."), (member.Exit, member.Error.Trim()));
        Assert.Equal((2, "Give --body or --all-bodies, not both."), (both.Exit, both.Error.Trim()));
        Assert.Equal(2, badRole.Exit);
    }
}
