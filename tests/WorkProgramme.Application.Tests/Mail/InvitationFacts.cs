using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Mail;

/// <summary>Invitation and password-reset links: single use, limited in time, only the newest works, only a hash stored.</summary>
public sealed class InvitationFacts : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;
    private TestServices app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();

        // A server that is never started: messages queue, which is all these facts look at.
        app = database.With(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1",
            ["Email:From"] = "secretariat@example.org",
            ["App:PublicUrl"] = "https://wp.example.org",
        }, clock);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<InviteUser.Invited> InviteAsync(string email, string role = Roles.Member, string? body = "CTP")
    {
        var result = await app.RunAsync<InviteUser.Handler, Result<InviteUser.Invited>>(h =>
            h.HandleAsync(new InviteUser.Command(email, role, body, null, null, "http://localhost"), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Value!;
    }

    private static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private Task<Result<string>> SetPasswordAsync(string link, string? language = null) =>
        app.RunAsync<AccountLinks.Handler, Result<string>>(h => h.SetPasswordAsync(new(TokenOf(link), Password, language), CancellationToken.None));

    private Task<AccountLinks.Found> CheckAsync(string link) =>
        app.RunAsync<AccountLinks.Handler, AccountLinks.Found>(h => h.CheckAsync(TokenOf(link), CancellationToken.None));

    private Task<bool> PasswordWorksAsync(string email) => app.RunAsync<UserManager<AppUser>, bool>(async users =>
        await users.FindByEmailAsync(email) is { } user && await users.CheckPasswordAsync(user, Password));

    [Fact]
    public async Task An_invitation_link_sets_the_password_and_language_once_and_is_refused_the_second_time()
    {
        var invited = await InviteAsync("delegate@example.org");
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromDays(7), invited.ExpiresAt);
        Assert.False(await PasswordWorksAsync("delegate@example.org"));
        Assert.Equal(AccountLinkState.Valid, (await CheckAsync(invited.Link)).State);

        var first = await SetPasswordAsync(invited.Link, "en");
        Assert.True(first.Succeeded);
        Assert.True(await PasswordWorksAsync("delegate@example.org"));
        Assert.Equal("en", await app.RunAsync<WorkProgrammeDb, string?>(db => db.Users.Where(u => u.Email == "delegate@example.org").Select(u => u.PreferredLanguage).SingleAsync()));

        var second = await SetPasswordAsync(invited.Link);
        Assert.Equal(FailureKind.Conflict, second.Failure!.Kind);
        Assert.Equal("This link has already been used. Ask for a new one with \"Forgotten password\".", second.Problems.Single().En);
        Assert.Equal(AccountLinkState.Used, (await CheckAsync(invited.Link)).State);
    }

    [Fact]
    public async Task An_invitation_link_works_for_seven_days_and_is_refused_after()
    {
        var invited = await InviteAsync("slow@example.org");
        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(AccountLinkState.Valid, (await CheckAsync(invited.Link)).State);
        clock.Advance(TimeSpan.FromSeconds(1));

        var refused = await SetPasswordAsync(invited.Link);
        Assert.Equal("This link has expired. Ask for a new one with \"Forgotten password\".", refused.Problems.Single().En);
        Assert.False(await PasswordWorksAsync("slow@example.org"));
    }

    [Fact]
    public async Task Inviting_again_revokes_the_previous_link_and_the_new_one_works()
    {
        var first = await InviteAsync("twice@example.org");
        var second = await InviteAsync("twice@example.org", Roles.Editor, null);
        Assert.True(second.Resent);

        Assert.Equal(AccountLinkState.Replaced, (await CheckAsync(first.Link)).State);
        Assert.False((await SetPasswordAsync(first.Link)).Succeeded);
        Assert.True((await SetPasswordAsync(second.Link)).Succeeded);
        Assert.Equal([Roles.Editor], await app.RunAsync<UserManager<AppUser>, IList<string>>(async users =>
            await users.GetRolesAsync((await users.FindByEmailAsync("twice@example.org"))!)));
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var invited = await InviteAsync("hashed@example.org");
        var token = TokenOf(invited.Link);
        var stored = await app.RunAsync<WorkProgrammeDb, string>(db => db.AccountLinks.Select(l => l.TokenHash).SingleAsync());
        Assert.Equal(AccountLink.HashOf(token), stored);
        Assert.NotEqual(token, stored);
        Assert.Equal(1, await app.RunAsync<WorkProgrammeDb, int>(db => db.OutboxMessages.CountAsync(m => m.TextBody.Contains(token))));
    }

    [Fact]
    public async Task A_person_who_already_has_a_password_is_not_invited_again()
    {
        var invited = await InviteAsync("active@example.org");
        Assert.True((await SetPasswordAsync(invited.Link)).Succeeded);

        var again = await app.RunAsync<InviteUser.Handler, Result<InviteUser.Invited>>(h =>
            h.HandleAsync(new InviteUser.Command("active@example.org", Roles.Admin, null, null, null, "http://localhost"), CancellationToken.None));
        Assert.Equal(FailureKind.Conflict, again.Failure!.Kind);
    }

    [Fact]
    public async Task A_password_reset_queues_one_message_for_a_known_address_and_nothing_for_an_unknown_one()
    {
        var invited = await InviteAsync("known@example.org");
        Assert.True((await SetPasswordAsync(invited.Link)).Succeeded);
        await app.RunAsync<UserManager<AppUser>, IdentityResult>(async users => await users.SetPreferredLanguageAsync("known@example.org", "en"));
        var before = await app.RunAsync<WorkProgrammeDb, int>(db => db.OutboxMessages.CountAsync());

        Assert.False(await app.RunAsync<RequestPasswordReset.Handler, bool>(h => h.HandleAsync(new("nobody@example.org", "http://localhost"), CancellationToken.None)));
        Assert.True(await app.RunAsync<RequestPasswordReset.Handler, bool>(h => h.HandleAsync(new("known@example.org", "http://localhost"), CancellationToken.None)));

        var messages = await app.RunAsync<WorkProgrammeDb, List<OutboxMessage>>(db => db.OutboxMessages.OrderBy(m => m.Id).Skip(before).ToListAsync());
        var reset = Assert.Single(messages);
        Assert.Equal(MailKind.PasswordReset, reset.Kind);
        Assert.Equal("en", reset.Language);
        Assert.Equal("New password for WorkProgramme", reset.Subject);

        var link = System.Text.RegularExpressions.Regex.Match(reset.TextBody, @"https://\S+").Value;
        clock.Advance(AccountLink.ResetValidity);
        Assert.Equal(AccountLinkState.Expired, (await CheckAsync(link)).State);
    }

    [Fact]
    public async Task Invitations_and_the_password_set_with_them_are_in_the_audit_trail()
    {
        var invited = await InviteAsync("audited@example.org");
        Assert.True((await SetPasswordAsync(invited.Link)).Succeeded);

        var trail = await app.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new AuditTrail.Query(PageSize: 500), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.EntityType == "Invitation" && r.EntityId == "audited@example.org" && r.Field == AuditEntry.Created);
        Assert.Contains(trail.Rows, r => r.EntityType == "Invitation" && r.EntityId == "audited@example.org" && r.Field == "UsedAt");
        Assert.Contains(trail.Rows, r => r.EntityType == "User" && r.EntityId == "audited@example.org" && r.Field == "Password");
        Assert.DoesNotContain(trail.Rows, r => r.Field == "TokenHash");
    }
}

internal static class PreferredLanguageExtensions
{
    public static async Task<IdentityResult> SetPreferredLanguageAsync(this UserManager<AppUser> users, string email, string language)
    {
        var user = (await users.FindByEmailAsync(email))!;
        user.PreferredLanguage = language;
        return await users.UpdateAsync(user);
    }
}
