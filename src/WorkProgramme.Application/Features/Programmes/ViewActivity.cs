using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Programmes;

/// <summary>One activity: every field, its number in each version, its status history and the rules it breaks.</summary>
public static class ViewActivity
{
    public sealed record Query(Viewer Viewer, string Slug, Guid ActivityId, string? VersionLabel = null);

    public sealed record VersionEntry(string VersionLabel, string? DocumentSymbol, Section Section, int? Number, int? PreviousNumber, RevisionKind Revision);

    public sealed record StatusEntry(SessionView? Session, StatusView Status);

    public sealed record Result(
        string Slug,
        string BodyCode,
        BilingualText ProgrammeTitle,
        string VersionLabel,
        ActivityRowView Row,
        IReadOnlyList<(string Code, BodyRole Role)> BodyRoles,
        IReadOnlyList<VersionEntry> Versions,
        IReadOnlyList<StatusEntry> StatusHistory,
        IReadOnlyList<RuleViolation> Violations,
        // The activity's history, comments and the committee's decisions are for those who see the body's drafts.
        bool IsLatest = false,
        bool ShowsWorkingRecord = false)
    {
        /// <summary>The activity of the previous period this one continues (docs/decisions/0039); null when it started here.</summary>
        public ActivityLineage? CarriedFrom { get; init; }

        /// <summary>The programme is read-only history (docs/decisions/0040).</summary>
        public bool ProgrammeArchived { get; init; }
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken);
            var row = snapshot?.Version.Activities.SingleOrDefault(a => a.ActivityId == query.ActivityId);
            if (snapshot is null || row is null)
            {
                return null;
            }

            var violations = snapshot.Violations().Where(v => v.ActivityId == row.ActivityId).ToList();
            var seesDrafts = snapshot.SeesDrafts;
            var reports = await db.StatusReports.AsNoTracking()
                .Where(r => r.ActivityId == row.ActivityId && (seesDrafts || r.State == ReportState.Published))
                .ToListAsync(cancellationToken);
            var history = reports
                .Select(r => new StatusEntry(snapshot.Sessions.GetValueOrDefault(r.SessionKey)?.ToView(snapshot), r.ToStatusView()))
                .OrderByDescending(e => e.Session is null ? 0 : (e.Session.Year * 12) + e.Session.Month)
                .ToList();
            var versions = snapshot.VisibleVersions
                .SelectMany(v => v.Activities.Where(a => a.ActivityId == row.ActivityId)
                    .Select(a => new VersionEntry(v.Label, v.DocumentSymbol, a.Section, a.Number, a.PreviousNumber, a.Revision)))
                .ToList();

            return new Result(snapshot.Programme.Slug, snapshot.Programme.BodyCode, snapshot.Programme.Title, snapshot.Version.Label,
                row.ToRowView(snapshot, violations.Count(v => v.Severity == Severity.Error), violations.Count(v => v.Severity == Severity.Warning)),
                row.BodyRoles(snapshot.IsDecisionBody), versions, history, violations,
                IsLatest: snapshot.Version == snapshot.Programme.Latest,
                ShowsWorkingRecord: seesDrafts)
            {
                CarriedFrom = (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == row.ActivityId, cancellationToken)).CarriedFrom,
                ProgrammeArchived = snapshot.Programme.IsArchived,
            };
        }
    }
}
