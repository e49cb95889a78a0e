using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Audit;

/// <summary>
/// Names the state of the official record: every change writes audit rows in its own transaction (<see
/// cref="Auditing.AuditInterceptor"/>), so the newest row changes whenever anything a page shows changes, whichever
/// instance or command made the change.
/// </summary>
public static class LatestChange
{
    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>The newest audit row's id and time ("0" on a database without any), as one short string.</summary>
        public async Task<string> HandleAsync(CancellationToken cancellationToken)
        {
            var newest = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Id)
                .Select(e => new { e.Id, e.At })
                .FirstOrDefaultAsync(cancellationToken);
            // The time tells apart two histories that reached the same id (a backup restored, then other changes made).
            return newest is null ? "0" : $"{newest.Id}@{newest.At.UtcTicks}";
        }
    }
}
