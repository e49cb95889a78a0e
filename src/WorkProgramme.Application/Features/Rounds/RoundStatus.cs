using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
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

    /// <summary><see cref="Version"/> is the progress a publication from this view names (<see cref="PublishRound.Command.ExpectedVersion"/>).</summary>
    public sealed record Result(string Slug, BilingualText ProgrammeTitle, string SessionKey, BilingualText SessionLabel, RoundState State,
        IReadOnlyList<Row> Rows, string Version)
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

    /// <summary>Where a session's status reports stand for one programme, as the rounds page shows it.</summary>
    public enum SessionRoundState
    {
        /// <summary>No round and no published report: the one state a round can be opened in.</summary>
        NotOpened,
        Open,
        Published,

        /// <summary>Reports came published with the programme (an import) and no round was ever opened.</summary>
        PublishedWithoutRound,
    }

    /// <summary>
    /// One session on the rounds page. <see cref="Updated"/> and <see cref="Reviewed"/> count the drafts of an open round
    /// (a reviewed report is not counted as updated).
    /// </summary>
    public sealed record SessionRound(SessionView Session, SessionRoundState State, int Reports, int Updated, int Reviewed,
        DateTimeOffset? OpenedAt, DateTimeOffset? PublishedAt)
    {
        public string Key => Session.Key;

        /// <summary>A round exists to link to.</summary>
        public bool HasRound => State is SessionRoundState.Open or SessionRoundState.Published;

        /// <summary>What <see cref="OpenRound"/> accepts: no round yet and no published report for the session.</summary>
        public bool CanOpen => State == SessionRoundState.NotOpened;

        public int NotUpdated => Reports - Updated - Reviewed;
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
            return new Result(context.Programme.Slug, context.Programme.Title, context.Session.Key, context.SessionLabel, context.Round.State, rows, context.ProgressVersion);
        }

        /// <summary>
        /// Every session of the programme's body, newest first, with where its reports stand: no round yet (the only
        /// state a round can be opened in), a round open with its progress, a round published on a date, or reports that
        /// came published with the programme (imported) and no round at all.
        /// </summary>
        public async Task<IReadOnlyList<SessionRound>> SessionsAsync(string slug, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            if (programme?.Latest is not { } latest)
            {
                return [];
            }

            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ProgrammeId == programme.Id).ToDictionaryAsync(r => r.SessionKey, cancellationToken);
            var sessions = await Sessions.SessionViews.LoadAsync(db, programme.BodyCode, cancellationToken);
            var ids = latest.Activities.Where(a => !a.IsDeleted).Select(a => a.ActivityId).ToList();
            var keys = sessions.Select(s => s.Key).ToList();
            var reports = (await db.StatusReports.AsNoTracking()
                    .Where(r => keys.Contains(r.SessionKey) && ids.Contains(r.ActivityId))
                    .Select(r => new { r.SessionKey, r.State, r.Progress })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.SessionKey);
            return sessions
                .Select(view =>
                {
                    var ofSession = reports[view.Key].ToList();
                    var round = rounds.GetValueOrDefault(view.Key);
                    var state = round?.State switch
                    {
                        RoundState.Open => SessionRoundState.Open,
                        RoundState.Published => SessionRoundState.Published,
                        _ => ofSession.Any(r => r.State == ReportState.Published) ? SessionRoundState.PublishedWithoutRound : SessionRoundState.NotOpened,
                    };
                    return new SessionRound(view, state, ofSession.Count, ofSession.Count(r => r.State == ReportState.Draft && r.Progress == ReportProgress.Updated),
                        ofSession.Count(r => r.State == ReportState.Draft && r.Progress == ReportProgress.Reviewed), round?.OpenedAt, round?.PublishedAt);
                })
                .ToList();
        }
    }
}
