using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Programmes;

/// <summary>Every programme with its latest version and row counts: the home page and GET /api/programmes.</summary>
public static class ListProgrammes
{
    public sealed record Query(Viewer Viewer);

    public sealed record ProgrammeSummary(
        string Slug,
        BilingualText Title,
        string BodyCode,
        BilingualText BodyName,
        int PeriodStart,
        int PeriodEnd,
        string VersionLabel,
        string? DocumentSymbol,
        VersionState State,
        int TimeBoundActivities,
        int PermanentActivities);

    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>The archived programmes (read-only history), each with the programme of the next period that took over (its slug), if any.</summary>
        public async Task<IReadOnlyDictionary<string, string?>> ArchivedAsync(CancellationToken cancellationToken) =>
            await db.Programmes.AsNoTracking().Where(p => p.IsArchived)
                .ToDictionaryAsync(p => p.Slug, p => p.Successor, StringComparer.Ordinal, cancellationToken);

        public async Task<IReadOnlyList<ProgrammeSummary>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var programmes = await db.Programmes.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Slug).ToListAsync(cancellationToken);
            var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Name, cancellationToken);
            ProgrammeVersion? Latest(Programme p) => p.VisibleTo(query.Viewer).Latest;
            var latestIds = programmes.Select(p => Latest(p)?.Id).OfType<int>().ToList();
            var counts = await db.ActivityVersions.AsNoTracking()
                .Where(a => latestIds.Contains(a.ProgrammeVersionId) && a.Revision != RevisionKind.Deleted)
                .GroupBy(a => new { a.ProgrammeVersionId, a.Section })
                .Select(g => new { g.Key.ProgrammeVersionId, g.Key.Section, Count = g.Count() })
                .ToListAsync(cancellationToken);

            return programmes.Where(p => Latest(p) is not null).Select(p =>
            {
                var version = Latest(p)!;
                int Count(Section section) => counts.SingleOrDefault(c => c.ProgrammeVersionId == version.Id && c.Section == section)?.Count ?? 0;
                return new ProgrammeSummary(p.Slug, p.Title, p.BodyCode, bodies.GetValueOrDefault(p.BodyCode) ?? BilingualText.Empty,
                    p.PeriodStart, p.PeriodEnd, version.Label, version.DocumentSymbol, version.State,
                    Count(Section.TimeBound), Count(Section.Permanent));
            }).ToList();
        }
    }
}
