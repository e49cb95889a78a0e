using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Users;

/// <summary>Administrators change users' roles, bodies and state through one handler (the page and <c>wp user</c> use it).</summary>
public sealed class UserAdministrationFacts : IAsyncLifetime
{
    private static readonly Viewer Admin = new("admin-id", "admin@example.org", new HashSet<string> { Roles.Admin }, null);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<string> AddAsync(string email, string role, string? body = null)
    {
        if (body is not null)
        {
            await database.RunAsync<Data.WorkProgrammeDb>(async db =>
            {
                if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Bodies, b => b.Code == body))
                {
                    db.Bodies.Add(new Domain.Bodies.Body(body, new BilingualText(body, body), new BilingualText(body, body), Domain.Bodies.BodyKind.Committee));
                    await db.SaveChangesAsync();
                }
            });
        }

        var outcome = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, role, body, "correct horse battery"), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.UserId!;
    }

    private Task<UserDirectory.Row?> FindAsync(string id) =>
        database.RunAsync<UserDirectory.Handler, UserDirectory.Row?>(h => h.FindAsync(id, CancellationToken.None));

    private Task<Result<string>> EditAsync(Viewer viewer, string id, string role, string? body, bool active, string? version) =>
        database.RunAsync<EditUser.Handler, Result<string>>(h => h.HandleAsync(new EditUser.Command(viewer, id, role, body, active, version), CancellationToken.None));

    [Fact]
    public async Task An_administrator_changes_a_role_and_a_body_and_the_trail_says_who_changed_what_from_what_to_what()
    {
        await AddAsync("body-owner@example.org", Roles.Member, "CRC");
        var id = await AddAsync("officer@example.org", Roles.Editor, "CTP");
        var before = (await FindAsync(id))!;

        var saved = await EditAsync(Admin, id, Roles.Member, "CRC", active: true, before.Version);

        Assert.Null(saved.Failure);
        var after = (await FindAsync(id))!;
        Assert.Equal((Roles.Member, "CRC", true), (after.Role, after.BodyCode, after.Active));
        Assert.Equal(after.Version, saved.Value);
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new AuditTrail.Query(), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r is { EntityType: "User", EntityId: "officer@example.org", Field: "BodyCode", OldValue: "CTP", NewValue: "CRC" });
        Assert.Contains(trail.Rows, r => r is { EntityType: "UserRole", EntityId: "officer@example.org", OldValue: Roles.Editor, NewValue: null });
        Assert.Contains(trail.Rows, r => r is { EntityType: "UserRole", EntityId: "officer@example.org", OldValue: null, NewValue: Roles.Member });
        Assert.Contains(trail.Rows, r => r.EntityId == "officer@example.org" && r.Field == "BodyCode" && r.Actor == "wp (operator)");
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_deactivated_and_is_told_why_in_both_languages()
    {
        var id = await AddAsync("only-admin@example.org", Roles.Admin);
        var version = (await FindAsync(id))!.Version;

        var demoted = await EditAsync(Admin, id, Roles.Editor, null, active: true, version);
        var deactivated = await EditAsync(Admin, id, Roles.Admin, null, active: false, version);

        Assert.Equal(FailureKind.Conflict, demoted.Failure?.Kind);
        Assert.Equal(LastAdminRule.Message, Assert.Single(demoted.Problems));
        Assert.Contains("dernier administrateur actif", Assert.Single(deactivated.Problems).Fr, StringComparison.Ordinal);
        Assert.Contains("last active administrator", deactivated.Problems[0].En, StringComparison.Ordinal);
        Assert.Equal((Roles.Admin, true), ((await FindAsync(id))!.Role, (await FindAsync(id))!.Active));

        // With a second active administrator, the first may step down.
        await AddAsync("second-admin@example.org", Roles.Admin);
        Assert.Null((await EditAsync(Admin, id, Roles.Editor, null, active: true, version)).Failure);
    }

    [Fact]
    public async Task A_deactivated_administrator_does_not_count_as_the_one_who_stays()
    {
        var first = await AddAsync("first@example.org", Roles.Admin);
        var second = await AddAsync("second@example.org", Roles.Admin);
        Assert.Null((await EditAsync(Admin, second, Roles.Admin, null, active: false, (await FindAsync(second))!.Version)).Failure);

        var refused = await EditAsync(Admin, first, Roles.Admin, null, active: false, (await FindAsync(first))!.Version);

        Assert.Equal(LastAdminRule.Message, Assert.Single(refused.Problems));
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused_and_changes_nothing()
    {
        await AddAsync("admin@example.org", Roles.Admin);
        var id = await AddAsync("member@example.org", Roles.Member, "CTP");
        var shown = (await FindAsync(id))!.Version;
        Assert.Null((await EditAsync(Admin, id, Roles.Member, "CTP", active: false, shown)).Failure);
        var hash = await database.ContentHashAsync();

        var stale = await EditAsync(Admin, id, Roles.Editor, "CTP", active: true, shown);
        var missing = await EditAsync(Admin, id, Roles.Editor, "CTP", active: true, null);

        Assert.True(stale.Failure is { Stale: true }, stale.Failure?.ToString());
        Assert.Equal((await FindAsync(id))!.Version, stale.Failure!.CurrentVersion);
        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure?.Kind);
        Assert.Equal(hash, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Only_an_administrator_changes_users_and_a_member_needs_a_known_body()
    {
        var id = await AddAsync("member@example.org", Roles.Member, "CTP");
        var version = (await FindAsync(id))!.Version;
        var editor = new Viewer("e", "editor@example.org", new HashSet<string> { Roles.Editor }, null);

        Assert.Equal(FailureKind.Forbidden, (await EditAsync(editor, id, Roles.Admin, null, active: true, version)).Failure?.Kind);
        var noBody = await EditAsync(Admin, id, Roles.Member, null, active: true, version);
        var unknownBody = await EditAsync(Admin, id, Roles.Member, "XYZ", active: true, version);
        Assert.Equal(FailureKind.Invalid, noBody.Failure?.Kind);
        Assert.Equal("Unknown body 'XYZ'.", Assert.Single(unknownBody.Problems).En);
    }

    [Fact]
    public async Task The_list_filters_by_role_body_state_and_last_sign_in()
    {
        await AddAsync("admin@example.org", Roles.Admin);
        var member = await AddAsync("member@example.org", Roles.Member, "CTP");
        await AddAsync("editor@example.org", Roles.Editor, "CTP");
        Assert.Null((await EditAsync(Admin, member, Roles.Member, "CTP", active: false, (await FindAsync(member))!.Version)).Failure);
        await database.RunAsync<UserPreferences.Handler>(h => h.RecordSignInAsync(member, CancellationToken.None));

        Task<IReadOnlyList<UserDirectory.Row>> ListAsync(UserDirectory.Query query) =>
            database.RunAsync<UserDirectory.Handler, IReadOnlyList<UserDirectory.Row>>(h => h.ListAsync(query, CancellationToken.None));

        Assert.Equal(["member@example.org"], (await ListAsync(new(Active: false))).Select(r => r.Email));
        Assert.Equal(["admin@example.org", "editor@example.org"], (await ListAsync(new(Active: true))).Select(r => r.Email));
        Assert.Equal(["editor@example.org", "member@example.org"], (await ListAsync(new(BodyCode: "CTP"))).Select(r => r.Email));
        Assert.Equal(["editor@example.org"], (await ListAsync(new(Role: Roles.Editor))).Select(r => r.Email));
        Assert.Equal(["admin@example.org", "editor@example.org"], (await ListAsync(new(SignIn: UserDirectory.SignInFilter.Never))).Select(r => r.Email));
        Assert.NotNull((await FindAsync(member))!.LastSignInAt);
    }

    [Fact]
    public async Task A_user_keeps_their_language_and_e_mail_choices_and_signing_in_is_not_an_audited_change()
    {
        var id = await AddAsync("reader@example.org", Roles.Member, "CTP");
        var trailBefore = (await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new(), CancellationToken.None))).Total;

        await database.RunAsync<UserPreferences.Handler>(h => h.RecordSignInAsync(id, CancellationToken.None));
        Assert.Equal(trailBefore, (await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new(), CancellationToken.None))).Total);

        Assert.Equal(new UserPreferences.Choices(null, false, true, true),
            await database.RunAsync<UserPreferences.Handler, UserPreferences.Choices?>(h => h.GetAsync(id, CancellationToken.None)));
        await database.RunAsync<UserPreferences.Handler, bool>(h => h.SaveAsync(id, new("EN", true, false, false), CancellationToken.None));
        Assert.Equal(new UserPreferences.Choices("en", true, false, false),
            await database.RunAsync<UserPreferences.Handler, UserPreferences.Choices?>(h => h.GetAsync(id, CancellationToken.None)));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            database.RunAsync<UserPreferences.Handler, bool>(h => h.SaveAsync(id, new("de", true, false, true), CancellationToken.None)));
        Assert.Contains("Unknown language", refused.Messages.En, StringComparison.Ordinal);
    }
}
