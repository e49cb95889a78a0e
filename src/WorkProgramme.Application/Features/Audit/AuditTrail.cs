using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Audit;

/// <summary>Reads the audit trail, newest first, filtered; for the admin page and an activity's history.</summary>
public static class AuditTrail
{
    public sealed record Query(string? EntityType = null, string? EntityId = null, string? Actor = null, string? Field = null,
        int Page = 1, int PageSize = 100);

    public sealed record Row(DateTimeOffset At, string Actor, string EntityType, string EntityId, string? Context, string Field,
        string? OldValue, string? NewValue);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageSize, IReadOnlyList<string> EntityTypes);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var pageSize = Math.Clamp(query.PageSize, 10, 500);
            var page = Math.Max(1, query.Page);
            IQueryable<AuditEntry> entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                entries = entries.Where(e => e.EntityType == query.EntityType);
            }

            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                entries = entries.Where(e => e.EntityId == query.EntityId || e.EntityId.StartsWith(query.EntityId + "@"));
            }

            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                entries = entries.Where(e => e.Actor.Contains(query.Actor));
            }

            if (!string.IsNullOrWhiteSpace(query.Field))
            {
                entries = entries.Where(e => e.Field.Contains(query.Field));
            }

            var total = await entries.CountAsync(cancellationToken);
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Select(e => new Row(e.At, e.Actor, e.EntityType, e.EntityId, e.Context, e.Field, e.OldValue, e.NewValue))
                .ToListAsync(cancellationToken);
            var types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
            return new Result(rows, total, page, pageSize, types);
        }
    }
}
