using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Users;

/// <summary>
/// An administrator changes a user's role, body or state (deactivate, reactivate); the page and <c>wp user</c> both come
/// here. Users are never deleted: the audit trail names them. The last active administrator can be neither demoted
/// nor deactivated (<see cref="LastAdminRule"/>). A change of role, body or state renews the user's security stamp, so
/// the sessions they have open end at their next request.
/// </summary>
public static class EditUser
{
    /// <summary><paramref name="BodyCode"/> null: all bodies (an editor of every body, an administrator).</summary>
    public sealed record Command(Viewer Viewer, string UserId, string Role, string? BodyCode, bool Active, string? ExpectedVersion);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline, TimeProvider clock)
    {
        /// <summary>The value is the user's new version.</summary>
        public Task<Result<string>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<AppUser, string>(command.Viewer, command.ExpectedVersion, async ct =>
                await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct) is { } user
                    ? new Target<AppUser>(user, user.BodyCode ?? "", UserDirectory.VersionOf(await RoleOfAsync(user.Id, ct), user.BodyCode, user.IsActive))
                    : null,
                (user, ct) => ChangeAsync(user, command, ct))
            {
                // Users are the administrators' to manage.
                MayChange = (viewer, _) => viewer.IsAdmin,
                Refusal = FailureKind.Conflict,

                // The check "another administrator stays active" and the save are one transaction: two administrators
                // demoting each other at once cannot both succeed.
                Serialized = true,
            }, cancellationToken);

        private async Task<Result<string>> ChangeAsync(AppUser user, Command command, CancellationToken cancellationToken)
        {
            var bodyCode = string.IsNullOrWhiteSpace(command.BodyCode) ? null : command.BodyCode.Trim();
            var problems = new List<FieldMessage>();
            if (!Roles.All.Contains(command.Role))
            {
                problems.Add(new("Role", new($"Rôle inconnu « {command.Role} ».", $"Unknown role '{command.Role}'.")));
            }

            if (command.Role == Roles.Member && bodyCode is null)
            {
                problems.Add(new("BodyCode", new("Un membre appartient à un comité : choisissez son organe.", "A member belongs to a committee: choose their body.")));
            }

            if (bodyCode is not null && !await db.Bodies.AnyAsync(b => b.Code == bodyCode, cancellationToken))
            {
                problems.Add(new("BodyCode", new($"Organe inconnu « {bodyCode} ».", $"Unknown body '{bodyCode}'.")));
            }

            if (problems.Count > 0)
            {
                return Failure.InvalidFields(problems);
            }

            var role = await RoleOfAsync(user.Id, cancellationToken);
            if (await LastAdminRule.RefusalAsync(db, user, role, command.Role, command.Active, cancellationToken) is { } refusal)
            {
                return Failure.Refused(refusal);
            }

            var changed = false;
            if (role != command.Role)
            {
                await SetRoleAsync(user.Id, command.Role, cancellationToken);
                changed = true;
            }

            if (user.BodyCode != bodyCode)
            {
                user.BodyCode = bodyCode;
                changed = true;
            }

            if (user.IsActive != command.Active)
            {
                user.DeactivatedAt = command.Active ? null : clock.GetUtcNow();
                changed = true;
            }

            if (changed)
            {
                // Open sessions end (the cookie check compares the stamp); the next sign-in carries the new role and body.
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            }

            return UserDirectory.VersionOf(command.Role, bodyCode, command.Active);
        }

        private async Task<string?> RoleOfAsync(string userId, CancellationToken cancellationToken) =>
            Roles.Highest(await (from link in db.UserRoles
                                 join role in db.Roles on link.RoleId equals role.Id
                                 where link.UserId == userId
                                 select role.Name!).ToListAsync(cancellationToken));

        private async Task SetRoleAsync(string userId, string roleName, CancellationToken cancellationToken)
        {
            db.UserRoles.RemoveRange(await db.UserRoles.Where(l => l.UserId == userId).ToListAsync(cancellationToken));
            var normalized = roleName.ToUpperInvariant();
            var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
            if (role is null)
            {
                role = new IdentityRole(roleName) { NormalizedName = normalized };
                db.Roles.Add(role);
            }

            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = role.Id });
        }
    }
}

/// <summary>The one place that keeps an administrator: the last active one can be neither demoted nor deactivated.</summary>
public static class LastAdminRule
{
    public static readonly BilingualText Message = new(
        "C'est le dernier administrateur actif : nommez d'abord un autre administrateur, puis changez son rôle ou désactivez-le.",
        "This is the last active administrator: make someone else an administrator first, then change their role or deactivate them.");

    /// <summary>The refusal when the change would leave no active administrator; null when it may go ahead.</summary>
    public static async Task<BilingualText?> RefusalAsync(WorkProgrammeDb db, AppUser user, string? currentRole, string newRole, bool staysActive,
        CancellationToken cancellationToken)
    {
        var isActiveAdmin = currentRole == Roles.Admin && user.IsActive;
        var remainsActiveAdmin = newRole == Roles.Admin && staysActive;
        if (!isActiveAdmin || remainsActiveAdmin)
        {
            return null;
        }

        var otherActiveAdmins = await (from link in db.UserRoles
                                       join role in db.Roles on link.RoleId equals role.Id
                                       join other in db.Users on link.UserId equals other.Id
                                       where role.Name == Roles.Admin && other.Id != user.Id && other.DeactivatedAt == null
                                       select other.Id).AnyAsync(cancellationToken);
        return otherActiveAdmins ? null : Message;
    }
}
