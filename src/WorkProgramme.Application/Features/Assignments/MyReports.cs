using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Assignments;

/// <summary>An officer's "my reports": the reports of their activities in the rounds still open, with their progress.</summary>
public static class MyReports
{
    public sealed record Query(Viewer Viewer);

    public sealed record Row(string Slug, BilingualText ProgrammeTitle, string SessionKey, Guid ActivityId, string Reference, BilingualText Title,
        ReportProgress Progress, StatusKeyword? Keyword, ExecutionLevel? Level);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            if (query.Viewer.UserId is null)
            {
                return [];
            }

            var mine = await db.Set<ActivityAssignment>().AsNoTracking().Where(a => a.UserId == query.Viewer.UserId)
                .Select(a => a.ActivityId).ToListAsync(cancellationToken);
            var activities = await db.Activities.AsNoTracking().Where(a => mine.Contains(a.Id)).ToListAsync(cancellationToken);
            var programmeIds = activities.Select(a => a.ProgrammeId).Distinct().ToList();
            var rounds = await db.Rounds.AsNoTracking().Where(r => programmeIds.Contains(r.ProgrammeId) && r.State == RoundState.Open)
                .ToListAsync(cancellationToken);
            var programmes = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
                .Where(p => programmeIds.Contains(p.Id)).ToListAsync(cancellationToken);
            var sessionKeys = rounds.Select(r => r.SessionKey).ToList();
            var reports = await db.StatusReports.AsNoTracking().Where(r => mine.Contains(r.ActivityId) && sessionKeys.Contains(r.SessionKey))
                .ToListAsync(cancellationToken);
            var rows = new List<Row>();
            foreach (var programme in programmes.Where(p => query.Viewer.CanEdit(p.BodyCode)).OrderBy(p => p.Slug, StringComparer.Ordinal))
            {
                var version = programme.Latest;
                if (version is null)
                {
                    continue;
                }

                foreach (var round in rounds.Where(r => r.ProgrammeId == programme.Id).OrderBy(r => r.SessionKey, StringComparer.Ordinal))
                {
                    foreach (var row in version.Activities.Where(a => !a.IsDeleted && mine.Contains(a.ActivityId)).OrderBy(a => a.SortKey))
                    {
                        var report = reports.SingleOrDefault(r => r.ActivityId == row.ActivityId && r.SessionKey == round.SessionKey);
                        if (report is not null)
                        {
                            rows.Add(new Row(programme.Slug, programme.Title, round.SessionKey, row.ActivityId, RoundContext.Reference(row), row.Title,
                                report.Progress, report.Keyword, report.ExecutionLevel));
                        }
                    }
                }
            }

            return rows;
        }
    }
}
