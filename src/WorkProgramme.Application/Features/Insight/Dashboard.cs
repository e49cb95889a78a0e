using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Insight;

/// <summary>
/// Where a programme stands at a glance, for one version and one session's status reports: the numbers behind every
/// chart of the dashboard page, so the page, the API and the tests read the same figures.
/// </summary>
public static class Dashboard
{
    /// <param name="SessionKey">The session whose status reports are counted; null: the version's current status.</param>
    public sealed record Query(Viewer Viewer, string Slug, string? VersionLabel = null, string? SessionKey = null);

    /// <summary>One bar of a breakdown; a null key counts the rows that leave the column blank.</summary>
    public sealed record Slice<TKey>(TKey? Key, int Count, int Total)
        where TKey : struct
    {
        /// <summary>Share of all live activities, 0–1.</summary>
        public double Share => Total == 0 ? 0 : (double)Count / Total;
    }

    /// <summary>How many live activities have a task type (null: none given), every type of the table in its order.</summary>
    public sealed record TaskTypeSlice(CodeLabel? TaskType, int Count, int Total);

    /// <summary>One line of the coverage matrix: how many activities serve a plan element, by execution level.</summary>
    public sealed record CoverageRow(CodeLabel Element, IReadOnlyList<Slice<ExecutionLevel>> ByLevel)
    {
        public int Total => ByLevel.Sum(s => s.Count);
    }

    /// <summary>The template's rule that every activity is linked to the Strategic Plan (100 %).</summary>
    public sealed record LinkRule(int Linked, int Total, IReadOnlyList<ActivityLine> NotLinked)
    {
        public double Share => Total == 0 ? 1 : (double)Linked / Total;

        public bool IsMet => Linked == Total;
    }

    public sealed record ActivityLine(Guid ActivityId, string Reference, BilingualText Title, BilingualText Deadline,
        ExecutionLevel? Level, StatusKeyword? Keyword);

    /// <summary>A session to come: recorded in the calendar, or assumed from the body's half-yearly rhythm.</summary>
    public sealed record UpcomingSession(string? Key, string BodyCode, IReadOnlyList<int> Ordinals, int Year, int Month, bool Assumed,
        IReadOnlyList<ActivityLine> DueActivities);

    public sealed record SessionOption(string Key, IReadOnlyList<int> Ordinals, int Year, int Month);

    /// <summary>Execution levels in one session's published status reports.</summary>
    public sealed record SessionLevels(SessionOption Session, IReadOnlyList<Slice<ExecutionLevel>> ByLevel)
    {
        public int Total => ByLevel.Sum(s => s.Count);
    }

    public sealed record Result(
        string Slug,
        BilingualText Title,
        string BodyCode,
        string VersionLabel,
        IReadOnlyList<string> Versions,
        SessionOption? StatusSession,
        IReadOnlyList<SessionOption> ReportedSessions,
        int Activities,
        IReadOnlyList<Slice<ExecutionLevel>> ByLevel,
        IReadOnlyList<Slice<Priority>> ByPriority,
        IReadOnlyList<TaskTypeSlice> ByTaskType,
        IReadOnlyList<Slice<Section>> BySection,
        IReadOnlyList<CoverageRow> Coverage,
        LinkRule Link,
        IReadOnlyList<ActivityLine> Overdue,
        IReadOnlyList<UpcomingSession> NextSessions,
        IReadOnlyList<SessionLevels> Progress);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken, query.SessionKey);
            if (snapshot is null)
            {
                return null;
            }

            var rows = snapshot.Rows.Where(r => !r.IsDeleted).ToList();
            var total = rows.Count;
            ExecutionLevel? LevelOf(ActivityVersion row) => snapshot.Reports.GetValueOrDefault(row.ActivityId)?.ExecutionLevel;
            ActivityLine Line(ActivityVersion row)
            {
                var report = snapshot.Reports.GetValueOrDefault(row.ActivityId);
                return new ActivityLine(row.ActivityId, RoundContext.Reference(row), row.Title, row.Deadline.Text, report?.ExecutionLevel, report?.Keyword);
            }

            var status = snapshot.StatusSessionKey is { } statusKey && snapshot.Sessions.TryGetValue(statusKey, out var statusSession)
                ? statusSession
                : null;
            var overdue = status is null
                ? []
                : snapshot.Violations().Where(v => v.Rule == RuleCode.Overdue && v.ActivityId is not null)
                    .Select(v => Line(rows.Single(r => r.ActivityId == v.ActivityId))).ToList();

            var coverage = snapshot.PlanElements.Values.OrderBy(e => e.Order)
                .Select(e => (Element: e, Rows: rows.Where(r => r.PlanCodes.Contains(e.Code)).ToList()))
                .Select(e => new CoverageRow(snapshot.PlanLabel(e.Element.Code), Count(e.Rows, LevelOf, e.Rows.Count)))
                .Where(c => c.Total > 0)
                .ToList();
            var link = new LinkRule(rows.Count(r => r.LinkedToStrategicPlan == true), total,
                rows.Where(r => r.LinkedToStrategicPlan != true).Select(Line).ToList());

            var reported = await ReportedSessionsAsync(snapshot, cancellationToken);
            return new Result(
                snapshot.Programme.Slug,
                snapshot.Programme.Title,
                snapshot.Programme.BodyCode,
                snapshot.Version.Label,
                snapshot.VisibleVersions.Select(v => v.Label).ToList(),
                status is null ? null : Option(status),
                reported.Select(r => r.Session).ToList(),
                total,
                Count(rows, LevelOf, total),
                Count(rows, r => r.Priority, total),
                CountTaskTypes(snapshot, rows, total),
                Count(rows, r => (Section?)r.Section, total),
                coverage,
                link,
                overdue,
                status is null ? [] : NextSessions(snapshot, status, rows, Line),
                reported.Where(r => r.Published).Select(r => r.Levels).ToList());
        }

        /// <summary>
        /// Sessions with status reports for this programme's activities, oldest first; the counts take only published
        /// reports, so the progress chart never shows a draft.
        /// </summary>
        private async Task<List<(SessionOption Session, bool Published, SessionLevels Levels)>> ReportedSessionsAsync(
            ProgrammeSnapshot snapshot, CancellationToken cancellationToken)
        {
            var seesDrafts = snapshot.SeesDrafts;
            var ids = snapshot.Version.Activities.Where(a => !a.IsDeleted).Select(a => a.ActivityId).ToList();
            var reports = await db.StatusReports.AsNoTracking()
                .Where(r => ids.Contains(r.ActivityId) && (seesDrafts || r.State == ReportState.Published))
                .Select(r => new { r.SessionKey, r.State, r.ExecutionLevel })
                .ToListAsync(cancellationToken);
            return reports.GroupBy(r => r.SessionKey)
                .Where(g => snapshot.Sessions.ContainsKey(g.Key))
                .Select(g => snapshot.Sessions[g.Key])
                .OrderBy(s => s.MonthIndex)
                .Select(s =>
                {
                    var published = reports.Where(r => r.SessionKey == s.Key && r.State == ReportState.Published).ToList();
                    var option = Option(s);
                    var levels = new SessionLevels(option, Count(published, r => r.ExecutionLevel, published.Count));
                    return (option, published.Count > 0, levels);
                })
                .ToList();
        }
    }

    /// <summary>
    /// The body's next two sessions after the reported one, and the activities with a deadline milestone falling after the
    /// previous session and up to that one. Where the calendar has no session yet, the body's spring/autumn rhythm
    /// (every six months) stands in, marked as assumed.
    /// </summary>
    private static List<UpcomingSession> NextSessions(ProgrammeSnapshot snapshot, Session reported, IReadOnlyList<ActivityVersion> rows,
        Func<ActivityVersion, ActivityLine> line)
    {
        var recorded = snapshot.Sessions.Values
            .Where(s => s.BodyCode == reported.BodyCode && s.MonthIndex > reported.MonthIndex)
            .OrderBy(s => s.MonthIndex)
            .Take(2)
            .Select(s => (s.Key, Ordinals: s.Ordinals, s.MonthIndex, Assumed: false))
            .ToList();
        while (recorded.Count < 2)
        {
            var last = recorded.Count == 0 ? (reported.MonthIndex, reported.Ordinals) : (recorded[^1].MonthIndex, recorded[^1].Ordinals);
            var ordinals = last.Ordinals.Select(o => o + last.Ordinals.Count).ToArray();
            recorded.Add((null!, ordinals, last.MonthIndex + 6, true));
        }

        var open = rows.Where(r => r.Section == Section.TimeBound
            && snapshot.Reports.GetValueOrDefault(r.ActivityId)?.Keyword != StatusKeyword.Completed).ToList();
        var result = new List<UpcomingSession>();
        var from = reported.MonthIndex;
        foreach (var next in recorded)
        {
            var windowStart = from;
            var due = open.Where(r => r.Deadline.Milestones.Any(m => snapshot.MonthOf(m) is { } month && month > windowStart && month <= next.MonthIndex))
                .Select(line).ToList();
            result.Add(new UpcomingSession(next.Assumed ? null : next.Key, reported.BodyCode, next.Ordinals,
                next.MonthIndex / 12, (next.MonthIndex % 12) + 1, next.Assumed, due));
            from = next.MonthIndex;
        }

        return result;
    }

    private static SessionOption Option(Session session) => new(session.Key, session.Ordinals, session.Year, session.Month);

    /// <summary>Every value of the enum in its order, then the blanks (only when there are some).</summary>
    private static List<TaskTypeSlice> CountTaskTypes(ProgrammeSnapshot snapshot, IReadOnlyList<ActivityVersion> rows, int total)
    {
        var codes = snapshot.TaskTypes.Select(t => t.Code)
            .Concat(rows.Select(r => r.TaskType).OfType<string>().Where(c => snapshot.TaskTypes.All(t => t.Code != c)).Distinct().Order(StringComparer.Ordinal));
        var slices = codes.Select(code => new TaskTypeSlice(snapshot.TaskTypeLabel(code), rows.Count(r => r.TaskType == code), total)).ToList();
        var blank = rows.Count(r => r.TaskType is null);
        if (blank > 0)
        {
            slices.Add(new TaskTypeSlice(null, blank, total));
        }

        return slices;
    }

    private static List<Slice<TKey>> Count<TItem, TKey>(IEnumerable<TItem> items, Func<TItem, TKey?> key, int total)
        where TKey : struct, Enum
    {
        var keys = items.Select(key).ToList();
        var slices = Enum.GetValues<TKey>().Select(k => new Slice<TKey>(k, keys.Count(v => v is { } value && value.Equals(k)), total)).ToList();
        var blank = keys.Count(v => v is null);
        if (blank > 0)
        {
            slices.Add(new Slice<TKey>(null, blank, total));
        }

        return slices;
    }
}
