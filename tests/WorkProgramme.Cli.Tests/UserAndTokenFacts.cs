using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class UserAndTokenFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Fact]
    public async Task The_first_admin_gets_a_generated_password_printed_once()
    {
        var (exit, output, _) = await RunAsync("user", "add", "--email", "admin@example.org", "--role", "admin", "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Matches(@"Password \(shown once\): \S{20}", output);
    }

    [Fact]
    public async Task A_member_needs_a_known_committee()
    {
        var withoutBody = await RunAsync("user", "add", "--email", "m@example.org", "--role", "member", "--lang", "en");
        var unknownBody = await RunAsync("user", "add", "--email", "m@example.org", "--role", "member", "--body", "XYZ", "--lang", "fr");

        Assert.Equal((1, true), (withoutBody.Exit, withoutBody.Error.Contains("give --body", StringComparison.Ordinal)));
        Assert.Equal((1, true), (unknownBody.Exit, unknownBody.Error.Contains("Organe inconnu « XYZ »", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_short_password_or_a_second_user_with_the_same_email_is_refused()
    {
        Assert.Equal(1, (await RunAsync("user", "add", "--email", "e@example.org", "--role", "editor", "--password", "short")).Exit);
        Assert.Equal(0, (await RunAsync("user", "add", "--email", "e@example.org", "--role", "editor", "--password", "long enough password")).Exit);
        var again = await RunAsync("user", "add", "--email", "e@example.org", "--role", "editor", "--lang", "en");

        Assert.Equal(1, again.Exit);
    }

    [Fact]
    public async Task A_token_is_printed_once_and_can_be_revoked_by_name()
    {
        await RunAsync("user", "add", "--email", "script@example.org", "--role", "editor", "--body", "CTP");

        var created = await RunAsync("token", "create", "--email", "script@example.org", "--name", "nightly", "--lang", "en");
        var duplicate = await RunAsync("token", "create", "--email", "script@example.org", "--name", "nightly", "--lang", "en");
        var revoked = await RunAsync("token", "revoke", "--email", "script@example.org", "--name", "nightly", "--lang", "en");

        Assert.Equal(0, created.Exit);
        Assert.StartsWith(ApiToken.Prefix, created.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal((1, true), (duplicate.Exit, duplicate.Error.Contains("already have an active token", StringComparison.Ordinal)));
        Assert.Equal(0, revoked.Exit);
        Assert.Equal(2, (await RunAsync("token", "revoke", "--email", "script@example.org", "--name", "nightly")).Exit);
        Assert.Equal(2, (await RunAsync("token", "create", "--email", "nobody@example.org", "--name", "x")).Exit);
    }

    [Fact]
    public async Task An_unknown_role_is_a_usage_error()
    {
        Assert.Equal(2, (await RunAsync("user", "add", "--email", "x@example.org", "--role", "superuser")).Exit);
    }
}
