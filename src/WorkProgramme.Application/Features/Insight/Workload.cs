using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Insight;

/// <summary>Who carries the load: the resources column of one version read into officers, totalled per unit and per priority.</summary>
public static class Workload
{
    public sealed record Query(Viewer Viewer, string Slug, string? VersionLabel = null);

    public sealed record Line(Guid ActivityId, string Reference, BilingualText Title, Priority? Priority, BilingualText Resources, StaffEstimate Estimate);

    /// <summary>Officers as a range; a null key is the part no unit (or no priority) could be given to.</summary>
    public sealed record Total<TKey>(TKey? Key, decimal Min, decimal Max, int Activities)
        where TKey : struct;

    public sealed record Result(string Slug, BilingualText Title, string VersionLabel, IReadOnlyList<Line> Lines,
        IReadOnlyList<Total<StaffUnit>> ByUnit, IReadOnlyList<Total<Priority>> ByPriority)
    {
        public IReadOnlyList<Line> Unsure => Lines.Where(l => l.Estimate.Unsure).ToList();

        public decimal Min => Lines.Sum(l => l.Estimate.Min);

        public decimal Max => Lines.Sum(l => l.Estimate.Max);
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            var lines = snapshot.Rows.Where(r => !r.IsDeleted)
                .Select(r => new Line(r.ActivityId, RoundContext.Reference(r), r.Title, r.Priority, r.Resources, ResourceParser.Parse(r.Resources)))
                .ToList();
            var byUnit = lines.SelectMany(l => l.Estimate.Shares.Select(s => (l.ActivityId, s)))
                .GroupBy(x => x.s.Unit)
                .Select(g => new Total<StaffUnit>(g.Key, g.Sum(x => x.s.Min), g.Sum(x => x.s.Max), g.Select(x => x.ActivityId).Distinct().Count()))
                .OrderBy(t => t.Key is null).ThenBy(t => t.Key)
                .ToList();
            var byPriority = lines.GroupBy(l => l.Priority)
                .Select(g => new Total<Priority>(g.Key, g.Sum(l => l.Estimate.Min), g.Sum(l => l.Estimate.Max), g.Count()))
                .OrderBy(t => t.Key is null).ThenBy(t => t.Key)
                .ToList();
            return new Result(snapshot.Programme.Slug, snapshot.Programme.Title, snapshot.Version.Label, lines, byUnit, byPriority);
        }
    }
}
