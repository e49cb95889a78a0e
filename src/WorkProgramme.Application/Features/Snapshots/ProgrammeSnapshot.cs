using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.Snapshots;

/// <summary>
/// One version of a programme with everything needed to show, check or export it, read in a few queries.
/// Read-only: entities are not tracked.
/// </summary>
public sealed class ProgrammeSnapshot
{
    private ProgrammeSnapshot(Programme programme, ProgrammeVisibility visibility, ProgrammeVersion version,
        IReadOnlyDictionary<Guid, StatusReport> reports,
        IReadOnlyDictionary<string, Body> bodies, IReadOnlyDictionary<string, StrategicPlanElement> planElements,
        IReadOnlyDictionary<string, Session> sessions, IReadOnlyList<TaskType> taskTypes)
    {
        Programme = programme;
        VisibleVersions = visibility.Versions;
        SeesDrafts = visibility.SeesDrafts;
        Version = version;
        Reports = reports;
        Bodies = bodies;
        PlanElements = planElements;
        Sessions = sessions;
        TaskTypes = taskTypes;
    }

    public Programme Programme { get; }

    public ProgrammeVersion Version { get; }

    /// <summary>The versions this viewer may see, newest first (drafts only for the Secretariat and the committee).</summary>
    public IReadOnlyList<ProgrammeVersion> VisibleVersions { get; }

    /// <summary>True when the viewer may read the body's unpublished work: drafts, draft reports, history and decisions.</summary>
    public bool SeesDrafts { get; }

    /// <summary>Status reports of the session the version was prepared for, by activity.</summary>
    public IReadOnlyDictionary<Guid, StatusReport> Reports { get; }

    public IReadOnlyDictionary<string, Body> Bodies { get; }

    public IReadOnlyDictionary<string, StrategicPlanElement> PlanElements { get; }

    public IReadOnlyDictionary<string, Session> Sessions { get; }

    /// <summary>The task types with their words, in the table's order (docs/decisions/0052).</summary>
    public IReadOnlyList<TaskType> TaskTypes { get; }

    /// <summary>A session's name with the bodies as this programme knows them (<see cref="SessionName"/>).</summary>
    public BilingualText SessionNameOf(Session session) => SessionName.Of(session, BodyWordsOf(session.BodyCode));

    public SessionName.BodyWords BodyWordsOf(string bodyCode) => Bodies.TryGetValue(bodyCode, out var body)
        ? SessionName.BodyWords.Of(body)
        : new SessionName.BodyWords(bodyCode, BilingualText.Empty, BodyKind.Committee);

    /// <summary>The period of the Strategic Plan the programme follows ("2025-2028"); null when it follows none.</summary>
    public string? PlanPeriod { get; private init; }

    /// <summary>The session whose status reports this snapshot shows.</summary>
    public string? StatusSessionKey { get; private init; }

    /// <summary>The version's rows in document order.</summary>
    public IEnumerable<ActivityVersion> Rows => Version.Activities.OrderBy(a => a.SortKey);

    /// <summary>The template's rules, with lateness measured against the session whose status is shown.</summary>
    public IReadOnlyList<RuleViolation> Violations() => ProgrammeRules.Check(
        Version.Activities,
        id => Reports.GetValueOrDefault(id),
        StatusSessionKey is { } key && Sessions.TryGetValue(key, out var reported) ? reported.MonthIndex : null,
        MonthOf,
        Programme.Predecessor is null ? null : Programme.StartMonthIndex,
        PlanPeriod is null ? null : new FollowedPlan(PlanPeriod, PlanElements.Keys.ToHashSet(StringComparer.Ordinal)));

    /// <summary>A milestone naming a session falls when that session meets, wherever the calendar moves it.</summary>
    public int? MonthOf(DeadlineMilestone milestone) => milestone.Kind == MilestoneKind.Session
        ? Sessions.Values.FirstOrDefault(s => s.BodyCode == milestone.SessionBody && s.Ordinals.SequenceEqual(milestone.Ordinals))?.MonthIndex
        : milestone.MonthIndex;

    /// <summary>How a reference to an activity reads in this version: its number, or its former one marked retired.</summary>
    public string ReferenceText(Guid activityId, Language language) => ActivityReferenceNumbers.Text(Version, activityId, language);

    /// <summary>
    /// Writes every reference as the number it has in this version (exports show numbers as text). Only on a snapshot
    /// used for an export: the rows are untracked copies.
    /// </summary>
    public ProgrammeSnapshot WithReferencesAsText()
    {
        foreach (var row in Version.Activities)
        {
            row.RenderReferences(ReferenceText);
        }

        foreach (var report in Reports.Values)
        {
            report.RenderReferences(ReferenceText);
        }

        return this;
    }

    public bool IsDecisionBody(string code) => Bodies.GetValueOrDefault(code)?.IsDecisionBody ?? false;

    /// <summary>
    /// The named version, or the newest the viewer may see; null when there is none (or it is hidden). The status shown is
    /// that of <paramref name="statusSessionKey"/> when given (null when no such session), else the current one.
    /// </summary>
    public static async Task<ProgrammeSnapshot?> LoadAsync(WorkProgrammeDb db, string slug, string? versionLabel, Viewer viewer,
        CancellationToken cancellationToken, string? statusSessionKey = null)
    {
        var programme = await db.Programmes.AsNoTracking()
            .Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var visibility = programme.VisibleTo(viewer);
        var seesDrafts = visibility.SeesDrafts;
        var version = visibility.NamedOrLatest(versionLabel);
        if (version is null)
        {
            return null;
        }

        var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        if (statusSessionKey is not null && !sessions.ContainsKey(statusSessionKey))
        {
            return null;
        }

        var activityIds = version.Activities.Select(a => a.ActivityId).ToList();
        var statusSession = statusSessionKey ?? (version == visibility.Latest
            ? await CurrentStatusSessionAsync(db, programme.Id, activityIds, version.SessionKey, seesDrafts, sessions, cancellationToken)
            : version.SessionKey);
        var reports = statusSession is null
            ? new Dictionary<Guid, StatusReport>()
            : await db.StatusReports.AsNoTracking()
                .Where(r => r.SessionKey == statusSession && activityIds.Contains(r.ActivityId)
                    && (seesDrafts || r.State == ReportState.Published))
                .ToDictionaryAsync(r => r.ActivityId, cancellationToken);
        var plan = programme.PlanId is null ? null : await db.StrategicPlans.AsNoTracking().Where(p => p.Id == programme.PlanId)
            .Select(p => new { p.StartYear, p.EndYear }).SingleOrDefaultAsync(cancellationToken);
        return new ProgrammeSnapshot(programme, visibility, version, reports,
            await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, StringComparer.Ordinal, cancellationToken),
            await db.PlanElements.AsNoTracking().Where(e => e.PlanId == programme.PlanId).ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, cancellationToken),
            sessions,
            await global::WorkProgramme.Application.Features.TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken))
        {
            StatusSessionKey = statusSession,
            PlanPeriod = plan is null ? null : StrategicPlan.PeriodOf(plan.StartYear, plan.EndYear),
        };
    }

    /// <summary>
    /// The latest version shows the current status: the last published round's reports when that round came after the
    /// session the version was prepared for, else that session's reports. A session without reports the viewer may read
    /// (a revision just started, for no session or for the next one) shows the last published status instead of none:
    /// the status imported with a programme file is published without a round, so published reports are looked at here.
    /// </summary>
    private static async Task<string?> CurrentStatusSessionAsync(WorkProgrammeDb db, int programmeId, IReadOnlyCollection<Guid> activityIds,
        string? versionSession, bool seesDrafts, IReadOnlyDictionary<string, Session> sessions, CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId && r.State == RoundState.Published)
            .Select(r => r.SessionKey)
            .ToListAsync(cancellationToken);
        int Month(string? key) => key is not null && sessions.TryGetValue(key, out var session) ? session.MonthIndex : int.MinValue;
        var latest = rounds.MaxBy(Month);
        if (latest is not null && Month(latest) > Month(versionSession))
        {
            return latest;
        }

        if (versionSession is not null && await db.StatusReports.AsNoTracking().AnyAsync(
                r => r.SessionKey == versionSession && activityIds.Contains(r.ActivityId) && (seesDrafts || r.State == ReportState.Published),
                cancellationToken))
        {
            return versionSession;
        }

        var published = await db.StatusReports.AsNoTracking()
            .Where(r => r.State == ReportState.Published && activityIds.Contains(r.ActivityId))
            .Select(r => r.SessionKey)
            .Distinct()
            .ToListAsync(cancellationToken);
        return published.MaxBy(Month) ?? versionSession;
    }
}
