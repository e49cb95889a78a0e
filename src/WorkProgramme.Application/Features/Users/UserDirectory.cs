using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;

namespace WorkProgramme.Application.Features.Users;

/// <summary>The users as administrators see them (page and <c>wp user list</c>): role, body, state, last sign-in, filtered.</summary>
public static class UserDirectory
{
    /// <summary>Which users by their last sign-in.</summary>
    public enum SignInFilter
    {
        Any,
        Never,
        NotIn30Days,
        NotIn90Days,
    }

    public sealed record Query(string? Role = null, string? BodyCode = null, bool? Active = null, SignInFilter SignIn = SignInFilter.Any,
        string? Search = null);

    public sealed record Row(string Id, string Email, string? DisplayName, string? Role, string? BodyCode, DateTimeOffset? DeactivatedAt,
        DateTimeOffset? LastSignInAt, string Version)
    {
        public bool Active => DeactivatedAt is null;
    }

    /// <summary>The version of what an administrator edits (role, body, state): the hidden field of the edit form.</summary>
    public static string VersionOf(string? role, string? bodyCode, bool active) => StateVersion.Of(role, bodyCode, active);

    public sealed class Handler(WorkProgrammeDb db, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Row>> ListAsync(Query query, CancellationToken cancellationToken)
        {
            // Few users: filtered here, since SQLite cannot compare the stored times.
            var rows = await RowsAsync(null, cancellationToken);
            var now = clock.GetUtcNow();
            return rows
                .Where(r => query.Role is null || r.Role == query.Role)
                .Where(r => query.BodyCode is null || r.BodyCode == query.BodyCode)
                .Where(r => query.Active is null || r.Active == query.Active)
                .Where(r => query.SignIn switch
                {
                    SignInFilter.Never => r.LastSignInAt is null,
                    SignInFilter.NotIn30Days => r.LastSignInAt is null || r.LastSignInAt < now.AddDays(-30),
                    SignInFilter.NotIn90Days => r.LastSignInAt is null || r.LastSignInAt < now.AddDays(-90),
                    _ => true,
                })
                .Where(r => string.IsNullOrWhiteSpace(query.Search)
                    || r.Email.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase)
                    || (r.DisplayName?.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
                .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>The bodies a user may belong to (code and name), for the filters and the edit form.</summary>
        public async Task<IReadOnlyList<(string Code, Domain.Common.BilingualText Name)>> BodiesAsync(CancellationToken cancellationToken) =>
            (await db.Bodies.AsNoTracking().ToListAsync(cancellationToken))
                .OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => (b.Code, b.Name)).ToList();

        public async Task<Row?> FindAsync(string id, CancellationToken cancellationToken) =>
            (await RowsAsync(u => u.Id == id, cancellationToken)).SingleOrDefault();

        public async Task<Row?> FindByEmailAsync(string email, CancellationToken cancellationToken)
        {
            var normalized = email.Trim().ToUpperInvariant();
            return (await RowsAsync(u => u.NormalizedEmail == normalized, cancellationToken)).SingleOrDefault();
        }

        private async Task<List<Row>> RowsAsync(System.Linq.Expressions.Expression<Func<AppUser, bool>>? which, CancellationToken cancellationToken)
        {
            var users = await (which is null ? db.Users.AsNoTracking() : db.Users.AsNoTracking().Where(which)).ToListAsync(cancellationToken);
            var ids = users.Select(u => u.Id).ToList();
            var roles = await (from link in db.UserRoles.AsNoTracking()
                               join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                               where ids.Contains(link.UserId)
                               select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
            var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => Roles.Highest(g.Select(r => r.Name!)));
            return users.Select(u =>
            {
                var role = roleOf.GetValueOrDefault(u.Id);
                return new Row(u.Id, u.Email ?? u.UserName ?? u.Id, u.DisplayName, role, u.BodyCode, u.DeactivatedAt, u.LastSignInAt,
                    VersionOf(role, u.BodyCode, u.DeactivatedAt is null));
            }).ToList();
        }
    }
}
