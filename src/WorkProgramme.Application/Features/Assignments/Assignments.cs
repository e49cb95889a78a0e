using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Assignments;

/// <summary>Which Secretariat officers write each activity's report: read them, and (editors of the body) change them.</summary>
public static class Assignments
{
    /// <summary>The officers to assign, replacing the current ones.</summary>
    /// <param name="ExpectedVersion">The <see cref="VersionOf"/> of the officers the caller saw: a change made meanwhile is not replaced unseen.</param>
    public sealed record Assign(Viewer Viewer, string Slug, Guid ActivityId, IReadOnlyList<string> UserIds, string? ExpectedVersion);

    /// <summary>The version of an activity's assignment: the officers assigned, in any order.</summary>
    public static string VersionOf(IEnumerable<string> userIds) => StateVersion.Of(userIds.Order(StringComparer.Ordinal).ToList());

    public sealed record Officer(string UserId, string Name, string? Unit);

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, TimeProvider clock, WritePipeline pipeline)
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

        /// <summary>The value is the assignment's new version.</summary>
        public Task<Result<string>> HandleAsync(Assign command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<List<ActivityAssignment>, string>(command.Viewer, command.ExpectedVersion, async ct =>
            {
                var body = await db.Programmes.Where(p => p.Slug == command.Slug && db.Activities.Any(a => a.Id == command.ActivityId && a.ProgrammeId == p.Id))
                    .Select(p => p.BodyCode).SingleOrDefaultAsync(ct);
                if (body is null)
                {
                    return null;
                }

                var current = await db.Set<ActivityAssignment>().Where(a => a.ActivityId == command.ActivityId).ToListAsync(ct);
                return new Target<List<ActivityAssignment>>(current, body, VersionOf(current.Select(a => a.UserId)));
            },
            async (current, ct) =>
            {
                var body = await db.Programmes.Where(p => p.Slug == command.Slug).Select(p => p.BodyCode).SingleAsync(ct);
                var allowed = (await OfficersAsync(body, ct)).Select(o => o.UserId).ToHashSet(StringComparer.Ordinal);
                var wanted = command.UserIds.Distinct(StringComparer.Ordinal).ToList();
                if (wanted.Any(id => !allowed.Contains(id)))
                {
                    throw new DomainException(
                        "Seuls les membres du Secrétariat (rédacteurs de cet organe, administrateurs) peuvent être affectés.",
                        "Only Secretariat users (editors of this body, administrators) can be assigned.");
                }

                db.RemoveRange(current.Where(a => !wanted.Contains(a.UserId)));
                var by = command.Viewer.Name ?? actor.Name;
                db.AddRange(wanted.Where(id => current.All(a => a.UserId != id))
                    .Select(id => new ActivityAssignment(command.ActivityId, id, by, clock.GetUtcNow())));
                return VersionOf(wanted);
            }) { Refusal = FailureKind.Invalid, Serialized = true }, cancellationToken);

        private static Officer ToOfficer(AppUser user) =>
            new(user.Id, user.DisplayName ?? user.Email ?? user.UserName ?? user.Id, user.Unit);
    }
}
