using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Insight;

/// <summary>
/// How often and how far each activity's deadline moved: its last dated milestone read (by <see cref="DeadlineParser"/>)
/// from every version of the programme the viewer may see, oldest first. Every source of deadlines is gathered in
/// <see cref="Handler.Steps"/>: a new one (e.g. deadlines restated in status reports) is added there only.
/// </summary>
public static class DeadlineSlippage
{
    public sealed record Query(Viewer Viewer, string Slug);

    /// <summary>One reading of an activity's deadline: where it was read, the wording, and its last month (null: undated).</summary>
    public sealed record Step(string Source, BilingualText Text, int? Month);

    public sealed record Activity(Guid ActivityId, string Reference, BilingualText Title, IReadOnlyList<Step> Steps)
    {
        private IEnumerable<(int From, int To)> DatedPairs => Steps.Where(s => s.Month is not null)
            .Zip(Steps.Where(s => s.Month is not null).Skip(1), (a, b) => (a.Month!.Value, b.Month!.Value));

        /// <summary>How many times the deadline moved between one dated reading and the next.</summary>
        public int Moves => DatedPairs.Count(p => p.From != p.To);

        /// <summary>Months from the first dated reading to the last: positive when the deadline slipped later.</summary>
        public int Months => Steps.Where(s => s.Month is not null).Select(s => s.Month!.Value).ToList() is { Count: > 0 } months
            ? months[^1] - months[0]
            : 0;

        /// <summary>The first dated reading: where <see cref="Months"/> counts from.</summary>
        public Step? FirstDated => Steps.FirstOrDefault(s => s.Month is not null);

        /// <summary>The last dated reading: where <see cref="Months"/> counts to.</summary>
        public Step? LatestDated => Steps.LastOrDefault(s => s.Month is not null);
    }

    public sealed record Result(string Slug, BilingualText Title, IReadOnlyList<string> Sources, IReadOnlyList<Activity> Activities)
    {
        /// <summary>Activities whose deadline moved, the furthest first.</summary>
        public IReadOnlyList<Activity> Ranked => Activities.Where(a => a.Moves > 0)
            .OrderByDescending(a => a.Months).ThenByDescending(a => a.Moves).ThenBy(a => a.Reference, StringComparer.Ordinal)
            .ToList();
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, null, query.Viewer, cancellationToken);
            return snapshot is null ? null : Of(snapshot);
        }
    }

    /// <summary>
    /// The slippage of the snapshot's version, read from it and the visible versions before it, with its numbers: for the
    /// latest version (the dashboard's), every visible version; an older version's annex does not look ahead.
    /// </summary>
    public static Result Of(ProgrammeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var versions = snapshot.VisibleVersions.Where(v => v.Sequence <= snapshot.Version.Sequence).OrderBy(v => v.Sequence).ToList();
        var steps = Steps(snapshot, versions);
        var activities = snapshot.Rows.Where(r => !r.IsDeleted)
            .Select(r => new Activity(r.ActivityId, RoundContext.Reference(r), r.Title, steps.GetValueOrDefault(r.ActivityId) ?? []))
            .ToList();
        return new Result(snapshot.Programme.Slug, snapshot.Programme.Title, versions.Select(v => v.Label).ToList(), activities);
    }

    /// <summary>Every reading of every activity's deadline, in time order.</summary>
    private static Dictionary<Guid, List<Step>> Steps(ProgrammeSnapshot snapshot, IEnumerable<Domain.Programmes.ProgrammeVersion> versions)
    {
        var steps = new Dictionary<Guid, List<Step>>();
        foreach (var version in versions)
        {
            foreach (var row in version.Activities.Where(a => !a.IsDeleted))
            {
                var parsed = DeadlineParser.Parse(row.Deadline.Text);
                var month = parsed.Milestones.Select(snapshot.MonthOf).Where(m => m is not null).Max();
                if (!steps.TryGetValue(row.ActivityId, out var list))
                {
                    steps[row.ActivityId] = list = [];
                }

                list.Add(new Step(version.Label, row.Deadline.Text, month));
            }
        }

        return steps;
    }
}
