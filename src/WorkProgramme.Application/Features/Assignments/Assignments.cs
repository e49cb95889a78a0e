using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Assignments;

/// <summary>Which Secretariat officers write each activity's report: read them, and (editors of the body) change them.</summary>
public static class Assignments
{
    /// <summary>The officers to assign, replacing the current ones.</summary>
    public sealed record Assign(Viewer Viewer, string Slug, Guid ActivityId, IReadOnlyList<string> UserIds);

    public sealed record Officer(string UserId, string Name, string? Unit);

    public enum Outcome
    {
        Done,
        NotFound,
        Forbidden,
        Refused,
    }

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, TimeProvider clock)
    {
        /// <summary>Secretariat users who may write the body's reports: administrators and editors of that body or of all bodies.</summary>
        public async Task<IReadOnlyList<Officer>> OfficersAsync(string bodyCode, CancellationToken cancellationToken)
        {
            var secretariat = await db.Roles.Where(r => r.Name == Roles.Editor || r.Name == Roles.Admin).Select(r => r.Id).ToListAsync(cancellationToken);
            var users = await db.Users.AsNoTracking()
                .Where(u => (u.BodyCode == null || u.BodyCode == bodyCode) && db.UserRoles.Any(l => l.UserId == u.Id && secretariat.Contains(l.RoleId)))
                .ToListAsync(cancellationToken);
            return users.Select(ToOfficer).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>Officers assigned to each of the given activities.</summary>
        public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Officer>>> ByActivityAsync(IReadOnlyCollection<Guid> activityIds,
            CancellationToken cancellationToken)
        {
            var links = await db.Set<ActivityAssignment>().AsNoTracking().Where(a => activityIds.Contains(a.ActivityId))
                .Join(db.Users.AsNoTracking(), a => a.UserId, u => u.Id, (a, u) => new { a.ActivityId, User = u })
                .ToListAsync(cancellationToken);
            return links.GroupBy(l => l.ActivityId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Officer>)g.Select(l => ToOfficer(l.User)).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList());
        }

        public async Task<Outcome> HandleAsync(Assign command, CancellationToken cancellationToken)
        {
            var body = await db.Programmes.Where(p => p.Slug == command.Slug && db.Activities.Any(a => a.Id == command.ActivityId && a.ProgrammeId == p.Id))
                .Select(p => p.BodyCode).SingleOrDefaultAsync(cancellationToken);
            if (body is null)
            {
                return Outcome.NotFound;
            }

            if (!command.Viewer.CanEdit(body))
            {
                return Outcome.Forbidden;
            }

            var allowed = (await OfficersAsync(body, cancellationToken)).Select(o => o.UserId).ToHashSet(StringComparer.Ordinal);
            var wanted = command.UserIds.Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Any(id => !allowed.Contains(id)))
            {
                throw new DomainException(
                    "Seuls les membres du Secrétariat (rédacteurs de cet organe, administrateurs) peuvent être affectés.",
                    "Only Secretariat users (editors of this body, administrators) can be assigned.");
            }

            var current = await db.Set<ActivityAssignment>().Where(a => a.ActivityId == command.ActivityId).ToListAsync(cancellationToken);
            db.RemoveRange(current.Where(a => !wanted.Contains(a.UserId)));
            var by = command.Viewer.Name ?? actor.Name;
            db.AddRange(wanted.Where(id => current.All(a => a.UserId != id))
                .Select(id => new ActivityAssignment(command.ActivityId, id, by, clock.GetUtcNow())));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }

        private static Officer ToOfficer(AppUser user) =>
            new(user.Id, user.DisplayName ?? user.Email ?? user.UserName ?? user.Id, user.Unit);
    }
}
