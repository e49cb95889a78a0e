using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>A round's progress: each activity's report, updated or not, reviewed or not; sessions a round can be opened for.</summary>
public static class RoundStatus
{
    public sealed record Query(Viewer Viewer, string Slug, string SessionKey);

    public sealed record Row(Guid ActivityId, string Reference, BilingualText Title, ReportProgress Progress, StatusKeyword? Keyword,
        ExecutionLevel? Level, string? UpdatedBy, string? ReviewedBy, int RowVersion);

    public sealed record Result(string Slug, BilingualText ProgrammeTitle, string SessionKey, BilingualText SessionLabel, RoundState State,
        IReadOnlyList<Row> Rows)
    {
        public int Count(ReportProgress progress) => Rows.Count(r => r.Progress == progress);
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var (context, _) = await RoundContext.LoadAsync(db, query.Viewer, query.Slug, query.SessionKey, cancellationToken);
            if (context?.Round is null)
            {
                return null;
            }

            var rows = context.LiveRows
                .Where(r => context.Reports.ContainsKey(r.ActivityId))
                .Select(r =>
                {
                    var report = context.Reports[r.ActivityId];
                    return new Row(r.ActivityId, RoundContext.Reference(r), r.Title, report.Progress, report.Keyword, report.ExecutionLevel,
                        report.UpdatedBy, report.ReviewedBy, report.RowVersion);
                })
                .ToList();
            var label = new BilingualText(
                $"{context.Session.OrdinalLabel(Language.Fr)} sessions ({context.Session.Month:00}/{context.Session.Year})",
                $"{context.Session.OrdinalLabel(Language.En)} sessions ({context.Session.Month:00}/{context.Session.Year})");
            return new Result(context.Programme.Slug, context.Programme.Title, context.Session.Key, label, context.Round.State, rows);
        }

        /// <summary>Sessions of the programme's body with no round yet, for the "open a round" form.</summary>
        public async Task<IReadOnlyList<(string Key, string Label, bool HasRound)>> SessionsAsync(string slug, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            if (programme is null)
            {
                return [];
            }

            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ProgrammeId == programme.Id).Select(r => r.SessionKey).ToListAsync(cancellationToken);
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.BodyCode == programme.BodyCode).ToListAsync(cancellationToken);
            return sessions.OrderByDescending(s => s.MonthIndex)
                .Select(s => (s.Key, $"{s.Key} ({s.Month:00}/{s.Year})", rounds.Contains(s.Key)))
                .ToList();
        }
    }
}
