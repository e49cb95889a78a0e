using Microsoft.AspNetCore.Identity;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Users;

/// <summary>Who single sign-on signs in: the linked user, the user with the verified e-mail, or a new one when a role is granted.</summary>
public sealed class SignInExternallyFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<SignInExternally.Outcome> SignInAsync(string subject, string? email, bool verified, SignInExternally.Grant? grant) =>
        database.RunAsync<SignInExternally.Handler, SignInExternally.Outcome>(h =>
            h.HandleAsync(new SignInExternally.Command("oidc", subject, email, verified, "Someone", grant), CancellationToken.None));

    private async Task<string> LocalUserAsync(string email, string role, string? body)
    {
        var outcome = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, role, body, "correct horse battery"), CancellationToken.None));
        return outcome.UserId!;
    }

    private Task<(IList<string> Roles, string? Body)> RolesAsync(string userId) =>
        database.RunAsync<UserManager<AppUser>, (IList<string>, string?)>(async users =>
        {
            var user = (await users.FindByIdAsync(userId))!;
            return (await users.GetRolesAsync(user), user.BodyCode);
        });

    [Fact]
    public async Task The_linked_subject_finds_the_user_even_after_the_email_changed_at_the_provider()
    {
        var first = await SignInAsync("sub-1", "first@example.org", true, new(Roles.Editor, "CTP"));

        var again = await SignInAsync("sub-1", "renamed@example.org", false, null);

        Assert.True(first.Created);
        Assert.Equal(first.User!.Id, again.User!.Id);
        Assert.False(again.Created);
    }

    [Fact]
    public async Task What_the_directory_grants_replaces_the_role_and_body_and_no_grant_keeps_them()
    {
        var id = await LocalUserAsync("member@example.org", Roles.Member, "CTP");

        await SignInAsync("sub-2", "member@example.org", true, null);
        var kept = await RolesAsync(id);
        await SignInAsync("sub-2", "member@example.org", true, new(Roles.Admin, "CTP"));
        var replaced = await RolesAsync(id);

        Assert.Equal(new[] { Roles.Member }, kept.Roles);
        Assert.Equal("CTP", kept.Body);
        Assert.Equal(new[] { Roles.Admin }, replaced.Roles);
        Assert.Null(replaced.Body);
    }

    [Fact]
    public async Task A_locked_out_user_is_refused()
    {
        var id = await LocalUserAsync("locked@example.org", Roles.Editor, "CTP");
        await database.RunAsync<UserManager<AppUser>>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddYears(1)));

        var outcome = await SignInAsync("sub-3", "locked@example.org", true, new(Roles.Editor, "CTP"));

        Assert.Equal(SignInExternally.Refusal.LockedOut, outcome.Refused);
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_even_when_the_directory_grants_a_role()
    {
        var id = await LocalUserAsync("gone@example.org", Roles.Editor, "CTP");
        await database.RunAsync<UserManager<AppUser>>(async users =>
        {
            var user = (await users.FindByIdAsync(id))!;
            user.DeactivatedAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(user);
        });

        var outcome = await SignInAsync("sub-gone", "gone@example.org", true, new(Roles.Editor, "CTP"));

        Assert.Equal(SignInExternally.Refusal.LockedOut, outcome.Refused);
    }

    [Fact]
    public async Task The_directory_cannot_demote_the_last_active_administrator()
    {
        var id = await LocalUserAsync("last-admin@example.org", Roles.Admin, null);
        var others = await database.RunAsync<UserManager<AppUser>, IList<AppUser>>(users => users.GetUsersInRoleAsync(Roles.Admin));
        await database.RunAsync<UserManager<AppUser>>(async users =>
        {
            foreach (var other in others.Where(u => u.Id != id))
            {
                var user = (await users.FindByIdAsync(other.Id))!;
                user.DeactivatedAt = DateTimeOffset.UtcNow;
                await users.UpdateAsync(user);
            }
        });

        var outcome = await SignInAsync("sub-admin", "last-admin@example.org", true, new(Roles.Editor, "CTP"));

        Assert.True(outcome.Succeeded);
        Assert.Equal(new[] { Roles.Admin }, (await RolesAsync(id)).Roles);
    }

    [Fact]
    public async Task A_grant_of_an_unknown_body_or_of_a_member_without_a_body_is_refused_and_creates_nobody()
    {
        var unknown = await SignInAsync("sub-4", "unknown-body@example.org", true, new(Roles.Editor, "NOPE"));
        var bodiless = await SignInAsync("sub-5", "bodiless@example.org", true, new(Roles.Member, null));

        Assert.Equal(SignInExternally.Refusal.InvalidGrant, unknown.Refused);
        Assert.Equal(SignInExternally.Refusal.InvalidGrant, bodiless.Refused);
        Assert.Null(await database.RunAsync<UserManager<AppUser>, AppUser?>(users => users.FindByEmailAsync("unknown-body@example.org")));
    }

    [Fact]
    public async Task Nobody_is_created_without_a_grant_nor_matched_by_an_unverified_email()
    {
        await LocalUserAsync("local@example.org", Roles.Member, "CTP");

        var stranger = await SignInAsync("sub-6", "stranger@example.org", true, null);
        var unverified = await SignInAsync("sub-7", "local@example.org", false, new(Roles.Editor, null));

        Assert.Equal(SignInExternally.Refusal.NoAccount, stranger.Refused);
        Assert.Equal(SignInExternally.Refusal.EmailNotVerified, unverified.Refused);
    }
}
