using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Application.Features.Users;

/// <summary>
/// The user for someone the organisation's identity provider vouches for (single sign-on, docs/decisions/0033): the
/// one already linked to the provider's subject, else the one with the same e-mail when the provider says it verified
/// it, else a new user when the directory grants a role. What the directory grants replaces the user's role and body;
/// when it grants nothing, a matched user keeps theirs (a delegate with a local account is not in the directory).
/// </summary>
public static class SignInExternally
{
    /// <param name="Provider">The login provider's name, as stored in the user-logins table.</param>
    /// <param name="Subject">The provider's stable id for the person (<c>sub</c>).</param>
    /// <param name="Grant">What the directory's groups or roles map to; null when they map to nothing.</param>
    public sealed record Command(string Provider, string Subject, string? Email, bool EmailVerified, string? DisplayName, Grant? Grant);

    /// <summary>A role, and the body for an editor or a member (null for an editor of all bodies and for administrators).</summary>
    public sealed record Grant(string Role, string? BodyCode);

    public enum Refusal
    {
        /// <summary>No user has this subject or e-mail, and the directory grants no role.</summary>
        NoAccount,

        /// <summary>No user has this subject, and the provider did not say the e-mail is verified.</summary>
        EmailNotVerified,

        /// <summary>The user is locked out (deactivated, or too many wrong passwords).</summary>
        LockedOut,

        /// <summary>The mapping names a body that does not exist, or a member without a body.</summary>
        InvalidGrant,
    }

    public sealed record Outcome(AppUser? User, bool Created, Refusal? Refused)
    {
        public bool Succeeded => Refused is null;

        public static Outcome Refuse(Refusal refusal) => new(null, false, refusal);
    }

    public sealed class Handler(UserManager<AppUser> users, RoleManager<IdentityRole> roles, WorkProgrammeDb db)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.Grant is { } grant && !await IsValidAsync(grant, cancellationToken))
            {
                return Outcome.Refuse(Refusal.InvalidGrant);
            }

            var user = await users.FindByLoginAsync(command.Provider, command.Subject);
            var linked = user is not null;
            if (user is null && command.Email is { Length: > 0 } email)
            {
                if (!command.EmailVerified)
                {
                    return Outcome.Refuse(Refusal.EmailNotVerified);
                }

                user = await users.FindByEmailAsync(email);
            }

            var created = false;
            if (user is null)
            {
                if (command.Grant is null)
                {
                    return Outcome.Refuse(Refusal.NoAccount);
                }

                if (command.Email is not { Length: > 0 })
                {
                    return Outcome.Refuse(Refusal.EmailNotVerified);
                }

                // No password: this user signs in through the provider only (an administrator may still set one).
                user = new AppUser
                {
                    UserName = command.Email,
                    Email = command.Email,
                    EmailConfirmed = true,
                    DisplayName = command.DisplayName,
                };
                Check(await users.CreateAsync(user));
                created = true;
            }
            else if (!user.IsActive || await users.IsLockedOutAsync(user))
            {
                return Outcome.Refuse(Refusal.LockedOut);
            }

            if (!linked)
            {
                Check(await users.AddLoginAsync(user, new UserLoginInfo(command.Provider, command.Subject, command.Provider)));
            }

            if (command.Grant is not null)
            {
                await ApplyAsync(user, command.Grant, cancellationToken);
            }

            return new Outcome(user, created, null);
        }

        private async Task<bool> IsValidAsync(Grant grant, CancellationToken cancellationToken) =>
            Roles.All.Contains(grant.Role)
            && (grant.Role != Roles.Member || grant.BodyCode is not null)
            && (grant.BodyCode is null || await db.Bodies.AnyAsync(b => b.Code == grant.BodyCode, cancellationToken));

        private async Task ApplyAsync(AppUser user, Grant grant, CancellationToken cancellationToken)
        {
            var current = await users.GetRolesAsync(user);
            if (await LastAdminRule.RefusalAsync(db, user, current.FirstOrDefault(), grant.Role, staysActive: true, cancellationToken) is not null)
            {
                // The directory would demote the last active administrator: they keep their role until another is named.
                return;
            }

            if (current.Count != 1 || current[0] != grant.Role)
            {
                if (!await roles.RoleExistsAsync(grant.Role))
                {
                    Check(await roles.CreateAsync(new IdentityRole(grant.Role)));
                }

                if (current.Count > 0)
                {
                    Check(await users.RemoveFromRolesAsync(user, current));
                }

                Check(await users.AddToRoleAsync(user, grant.Role));
            }

            var body = grant.Role == Roles.Admin ? null : grant.BodyCode;
            if (user.BodyCode != body)
            {
                user.BodyCode = body;
                Check(await users.UpdateAsync(user));
            }
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
