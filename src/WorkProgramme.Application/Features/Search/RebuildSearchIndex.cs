using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Search;

/// <summary>
/// <c>wp search rebuild</c>: empties the search index and writes it again from every activity row and status report,
/// in one transaction. The index is kept current by triggers (migration SearchIndex); this is for an index restored
/// from elsewhere or a change of what is indexed. Touching each row makes its trigger index it, so what a row is
/// indexed as is written in one place only.
/// </summary>
public static class RebuildSearchIndex
{
    public sealed record Result(int Activities, int Reports);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchActivities";""", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchReports";""", cancellationToken);
            var activities = await db.Database.ExecuteSqlRawAsync("""UPDATE "ActivityVersions" SET "Id" = "Id";""", cancellationToken);
            var reports = await db.Database.ExecuteSqlRawAsync("""UPDATE "StatusReports" SET "Id" = "Id";""", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(activities, reports);
        }
    }
}
