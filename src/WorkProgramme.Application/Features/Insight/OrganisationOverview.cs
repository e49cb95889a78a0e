using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Insight;

/// <summary>
/// Every committee's programme in one table, and activities found across all of them: e.g. every overdue activity
/// whose resources name the Facilitation Sub-Directorate, or whose lead body is the PTC.
/// </summary>
public static class OrganisationOverview
{
    /// <param name="LeadBody">Only activities led by this body (the role an editor chose, otherwise the first body).</param>
    /// <param name="Unit">Only activities whose resources name officers of this unit.</param>
    public sealed record Query(Viewer Viewer, string? LeadBody = null, StaffUnit? Unit = null, bool OverdueOnly = false, Priority? Priority = null)
    {
        public bool Filters => LeadBody is not null || Unit is not null || OverdueOnly || Priority is not null;
    }

    public sealed record ProgrammeRow(string Slug, BilingualText Title, string BodyCode, string VersionLabel, string? StatusSessionKey,
        int Activities, int Green, int Blue, int Red, int NoReport, int Overdue)
    {
        /// <summary>Read-only history of a closed period (docs/decisions/0040).</summary>
        public bool Archived { get; init; }
    }

    public sealed record ActivityMatch(string Slug, string BodyCode, Guid ActivityId, string Reference, BilingualText Title,
        Priority? Priority, string? LeadBody, ExecutionLevel? Level, bool Overdue, BilingualText Resources);

    public sealed record Result(IReadOnlyList<ProgrammeRow> Programmes, IReadOnlyList<ActivityMatch> Matches, IReadOnlyList<string> LeadBodies);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var slugs = await db.Programmes.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(cancellationToken);
            var rows = new List<ProgrammeRow>();
            var matches = new List<ActivityMatch>();
            var leads = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var slug in slugs)
            {
                var snapshot = await ProgrammeSnapshot.LoadAsync(db, slug, null, query.Viewer, cancellationToken);
                if (snapshot is null)
                {
                    continue;
                }

                var live = snapshot.Rows.Where(r => !r.IsDeleted).ToList();
                var overdue = snapshot.Violations().Where(v => v.Rule == RuleCode.Overdue).Select(v => v.ActivityId).OfType<Guid>().ToHashSet();
                ExecutionLevel? Level(ActivityVersion r) => snapshot.Reports.GetValueOrDefault(r.ActivityId)?.ExecutionLevel;
                rows.Add(new ProgrammeRow(slug, snapshot.Programme.Title, snapshot.Programme.BodyCode, snapshot.Version.Label, snapshot.StatusSessionKey,
                    live.Count,
                    live.Count(r => Level(r) == ExecutionLevel.Green),
                    live.Count(r => Level(r) == ExecutionLevel.Blue),
                    live.Count(r => Level(r) == ExecutionLevel.Red),
                    live.Count(r => Level(r) is null),
                    overdue.Count)
                {
                    Archived = snapshot.Programme.IsArchived,
                });
                foreach (var code in live.Select(r => r.LeadBody(snapshot.IsDecisionBody)).OfType<string>())
                {
                    leads.Add(code);
                }

                if (!query.Filters)
                {
                    continue;
                }

                matches.AddRange(live
                    .Where(r => query.LeadBody is null || r.LeadBody(snapshot.IsDecisionBody) == query.LeadBody)
                    .Where(r => query.Priority is null || r.Priority == query.Priority)
                    .Where(r => !query.OverdueOnly || overdue.Contains(r.ActivityId))
                    .Where(r => query.Unit is null || ResourceParser.Parse(r.Resources).Shares.Any(s => s.Unit == query.Unit))
                    .Select(r => new ActivityMatch(slug, snapshot.Programme.BodyCode, r.ActivityId, RoundContext.Reference(r), r.Title, r.Priority,
                        r.LeadBody(snapshot.IsDecisionBody), Level(r), overdue.Contains(r.ActivityId), r.Resources)));
            }

            return new Result(rows, matches, leads.ToList());
        }
    }
}
