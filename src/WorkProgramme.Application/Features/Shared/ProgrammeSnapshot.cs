using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.Shared;

/// <summary>
/// One version of a programme with everything needed to show, check or export it, read in a few queries.
/// Read-only: entities are not tracked.
/// </summary>
public sealed class ProgrammeSnapshot
{
    private ProgrammeSnapshot(Programme programme, IReadOnlyList<ProgrammeVersion> visibleVersions, ProgrammeVersion version,
        IReadOnlyDictionary<Guid, StatusReport> reports,
        IReadOnlyDictionary<string, Body> bodies, IReadOnlyDictionary<string, StrategicPlanElement> planElements,
        IReadOnlyDictionary<string, Session> sessions)
    {
        Programme = programme;
        VisibleVersions = visibleVersions;
        Version = version;
        Reports = reports;
        Bodies = bodies;
        PlanElements = planElements;
        Sessions = sessions;
    }

    public Programme Programme { get; }

    public ProgrammeVersion Version { get; }

    /// <summary>The versions this viewer may see, newest first (drafts only for the Secretariat and the committee).</summary>
    public IReadOnlyList<ProgrammeVersion> VisibleVersions { get; }

    /// <summary>Status reports of the session the version was prepared for, by activity.</summary>
    public IReadOnlyDictionary<Guid, StatusReport> Reports { get; }

    public IReadOnlyDictionary<string, Body> Bodies { get; }

    public IReadOnlyDictionary<string, StrategicPlanElement> PlanElements { get; }

    public IReadOnlyDictionary<string, Session> Sessions { get; }

    public Session? ReportSession => Version.SessionKey is { } key ? Sessions.GetValueOrDefault(key) : null;

    /// <summary>The version's rows in document order.</summary>
    public IEnumerable<ActivityVersion> Rows => Version.Activities.OrderBy(a => a.SortKey);

    public IReadOnlyList<RuleViolation> Violations() => ProgrammeRules.Check(Version.Activities, id => Reports.GetValueOrDefault(id));

    public bool IsDecisionBody(string code) => Bodies.GetValueOrDefault(code)?.IsDecisionBody ?? false;

    /// <summary>The named version, or the newest the viewer may see; null when there is none (or it is hidden).</summary>
    public static async Task<ProgrammeSnapshot?> LoadAsync(WorkProgrammeDb db, string slug, string? versionLabel, Viewer viewer,
        CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking()
            .Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var seesDrafts = viewer.CanSeeDrafts(programme.BodyCode);
        var visible = programme.Versions.Where(v => seesDrafts || v.State != VersionState.Draft).OrderByDescending(v => v.Sequence).ToList();
        var version = versionLabel is null ? visible.FirstOrDefault() : visible.SingleOrDefault(v => v.Label == versionLabel);
        if (version is null)
        {
            return null;
        }

        var activityIds = version.Activities.Select(a => a.ActivityId).ToList();
        var reports = version.SessionKey is null
            ? new Dictionary<Guid, StatusReport>()
            : await db.StatusReports.AsNoTracking()
                .Where(r => r.SessionKey == version.SessionKey && activityIds.Contains(r.ActivityId)
                    && (seesDrafts || r.State == ReportState.Published))
                .ToDictionaryAsync(r => r.ActivityId, cancellationToken);
        return new ProgrammeSnapshot(programme, visible, version, reports,
            await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, StringComparer.Ordinal, cancellationToken),
            await db.PlanElements.AsNoTracking().ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, cancellationToken),
            await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken));
    }
}
