using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>A round's progress: each activity's report, updated or not, reviewed or not; sessions a round can be opened for.</summary>
public static class RoundStatus
{
    public sealed record Query(Viewer Viewer, string Slug, string SessionKey);

    public sealed record Row(Guid ActivityId, string Reference, BilingualText Title, ReportProgress Progress, StatusKeyword? Keyword,
        ExecutionLevel? Level, string? UpdatedBy, string? ReviewedBy, int RowVersion, IReadOnlyList<Assignments.Assignments.Officer> Officers);

    public sealed record Result(string Slug, BilingualText ProgrammeTitle, string SessionKey, BilingualText SessionLabel, RoundState State,
        IReadOnlyList<Row> Rows)
    {
        public int Count(ReportProgress progress) => Rows.Count(r => r.Progress == progress);

        /// <summary>Everyone assigned to a report of the round, for the officer filter.</summary>
        public IReadOnlyList<Assignments.Assignments.Officer> Officers =>
            Rows.SelectMany(r => r.Officers).DistinctBy(o => o.UserId).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();

        public IReadOnlyList<string> Units =>
            Officers.Select(o => o.Unit).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        /// <summary>The rows of the reports assigned to <paramref name="officer"/> (user id) and to someone of <paramref name="unit"/>.</summary>
        public IReadOnlyList<Row> Filter(ReportProgress? progress, string? officer, string? unit) => Rows
            .Where(r => progress is null || r.Progress == progress)
            .Where(r => string.IsNullOrEmpty(officer) || r.Officers.Any(o => o.UserId == officer))
            .Where(r => string.IsNullOrEmpty(unit) || r.Officers.Any(o => o.Unit == unit))
            .ToList();
    }

    public sealed class Handler(WorkProgrammeDb db, Assignments.Assignments.Handler assignments)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var (context, _) = await RoundContext.LoadAsync(db, query.Viewer, query.Slug, query.SessionKey, cancellationToken);
            if (context?.Round is null)
            {
                return null;
            }

            var officers = await assignments.ByActivityAsync(context.Reports.Keys, cancellationToken);
            var rows = context.LiveRows
                .Where(r => context.Reports.ContainsKey(r.ActivityId))
                .Select(r =>
                {
                    var report = context.Reports[r.ActivityId];
                    return new Row(r.ActivityId, RoundContext.Reference(r), r.Title, report.Progress, report.Keyword, report.ExecutionLevel,
                        report.UpdatedBy, report.ReviewedBy, report.RowVersion, officers.GetValueOrDefault(r.ActivityId) ?? []);
                })
                .ToList();
            var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == context.Session.BodyCode, cancellationToken);
            var label = SessionName.Of(context.Session, body is null
                ? new SessionName.BodyWords(context.Session.BodyCode, BilingualText.Empty, Domain.Bodies.BodyKind.Committee)
                : SessionName.BodyWords.Of(body));
            return new Result(context.Programme.Slug, context.Programme.Title, context.Session.Key, label, context.Round.State, rows);
        }

        /// <summary>Sessions of the programme's body with no round yet, for the "open a round" form.</summary>
        public async Task<IReadOnlyList<(string Key, BilingualText Label, bool HasRound)>> SessionsAsync(string slug, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            if (programme is null)
            {
                return [];
            }

            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ProgrammeId == programme.Id).Select(r => r.SessionKey).ToListAsync(cancellationToken);
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.BodyCode == programme.BodyCode).ToListAsync(cancellationToken);
            var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == programme.BodyCode, cancellationToken);
            var words = body is null
                ? new SessionName.BodyWords(programme.BodyCode, BilingualText.Empty, Domain.Bodies.BodyKind.Committee)
                : SessionName.BodyWords.Of(body);
            return sessions.OrderByDescending(s => s.MonthIndex)
                .Select(s => (s.Key, SessionName.Of(s, words), rounds.Contains(s.Key)))
                .ToList();
        }
    }
}
