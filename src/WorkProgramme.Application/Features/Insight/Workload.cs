using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Insight;

/// <summary>
/// Who carries the load: the resources column of one version read into officers per activity, totalled per unit and per
/// priority. The totals add officers over activities (officer-activities: one officer named on two activities counts
/// twice), so they are not a headcount; staff time is an estimate from an assumed share of a full-time post that an
/// officer named on an activity gives it (docs/decisions/0029).
/// </summary>
public static class Workload
{
    /// <summary>The share of a full-time post assumed when none is asked for: a tenth, one officer's half-day a week.</summary>
    public const decimal DefaultShare = 0.1m;

    /// <param name="Share">The share of a full-time post an officer named on an activity is assumed to give it (0 to 1].</param>
    public sealed record Query(Viewer Viewer, string Slug, string? VersionLabel = null, decimal? Share = null);

    public sealed record Line(Guid ActivityId, string Reference, BilingualText Title, Priority? Priority, BilingualText Resources, StaffEstimate Estimate);

    /// <summary>
    /// Officer-activities as a range, and the staff time they stand for at the assumed share (full-time equivalents); a
    /// null key is the part no unit (or no priority) could be given to.
    /// </summary>
    public sealed record Total<TKey>(TKey? Key, decimal Min, decimal Max, int Activities, decimal Share)
        where TKey : struct
    {
        public decimal FteMin => Min * Share;

        public decimal FteMax => Max * Share;
    }

    public sealed record Result(string Slug, BilingualText Title, string VersionLabel, IReadOnlyList<Line> Lines,
        IReadOnlyList<Total<StaffUnit>> ByUnit, IReadOnlyList<Total<Priority>> ByPriority, decimal Share)
    {
        public decimal FteMin => Min * Share;

        public decimal FteMax => Max * Share;

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

            var share = query.Share is > 0m and <= 1m ? query.Share.Value : DefaultShare;
            var lines = snapshot.Rows.Where(r => !r.IsDeleted)
                .Select(r => new Line(r.ActivityId, RoundContext.Reference(r), r.Title, r.Priority, r.Resources, ResourceParser.Parse(r.Resources)))
                .ToList();
            var byUnit = lines.SelectMany(l => l.Estimate.Shares.Select(s => (l.ActivityId, s)))
                .GroupBy(x => x.s.Unit)
                .Select(g => new Total<StaffUnit>(g.Key, g.Sum(x => x.s.Min), g.Sum(x => x.s.Max), g.Select(x => x.ActivityId).Distinct().Count(), share))
                .OrderBy(t => t.Key is null).ThenBy(t => t.Key)
                .ToList();
            var byPriority = lines.GroupBy(l => l.Priority)
                .Select(g => new Total<Priority>(g.Key, g.Sum(l => l.Estimate.Min), g.Sum(l => l.Estimate.Max), g.Count(), share))
                .OrderBy(t => t.Key is null).ThenBy(t => t.Key)
                .ToList();
            return new Result(snapshot.Programme.Slug, snapshot.Programme.Title, snapshot.Version.Label, lines, byUnit, byPriority, share);
        }
    }
}
