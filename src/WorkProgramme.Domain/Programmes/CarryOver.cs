using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Programmes;

/// <summary>
/// One activity of the previous period offered to the next: its label there, its last published keyword, whether the
/// rule carries it over (every permanent activity, every time-bound one not completed), whether its deadline falls
/// before the new period (the editor must set a new one), and which of its Strategic Plan codes the new programme's plan
/// does not hold (kept and flagged: the editor must choose the new plan's).
/// </summary>
public sealed record CarryOverCandidate(
    Guid ActivityId, string Label, Section Section, BilingualText Title, StatusKeyword? LastKeyword, bool ByRule, bool DeadlineBeforePeriod,
    IReadOnlyList<string> CodesNotInPlan);

/// <summary>
/// The next period from the current one (docs/decisions/0039): which activities go on, and their rows in the new
/// programme's first version, numbered afresh 1..n per section in the old order, each recording the one it continues.
/// </summary>
public static class CarryOver
{
    /// <summary>The live rows of <paramref name="source"/> in the document's order, each with what the rule says of it.</summary>
    /// <param name="lastPublished">Each activity's keyword in its latest published status report (null: none).</param>
    /// <param name="periodStartMonth">The month the new period opens (<see cref="Programme.StartMonthIndex"/>).</param>
    /// <param name="monthOf">Where a deadline's milestones fall (sessions take their session's date).</param>
    /// <param name="plan">The plan the new programme follows; null: it follows none, and codes are not checked.</param>
    public static IReadOnlyList<CarryOverCandidate> Candidates(
        ProgrammeVersion source, Func<Guid, StatusKeyword?> lastPublished, int periodStartMonth, ProgrammeRules.MilestoneMonth monthOf,
        FollowedPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(lastPublished);
        return source.Activities.Where(r => !r.IsDeleted).OrderBy(r => r.SortKey).Select(row =>
        {
            var keyword = lastPublished(row.ActivityId);
            var byRule = row.Section == Section.Permanent || keyword != StatusKeyword.Completed;
            return new CarryOverCandidate(row.ActivityId, ActivityLabel.Of(row).ToString(), row.Section, row.Title, keyword, byRule,
                row.Section == Section.TimeBound && DeadlineBefore(row.Deadline, periodStartMonth, monthOf), plan?.Missing(row.PlanCodes) ?? []);
        }).ToList();
    }

    /// <summary>Whether a time-bound deadline's last dated milestone falls before <paramref name="month"/>.</summary>
    public static bool DeadlineBefore(Deadline deadline, int month, ProgrammeRules.MilestoneMonth monthOf)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(monthOf);
        return !deadline.Continuous && deadline.Milestones.Select(m => monthOf(m)).Where(m => m is not null).Max() is { } last && last < month;
    }

    /// <summary>
    /// Adds the <paramref name="chosen"/> activities of <paramref name="source"/> to <paramref name="target"/> (the new
    /// programme's first, empty draft): same wording, numbered afresh per section in the old order. A reference to
    /// another carried activity points at its successor; one to an activity left behind becomes its old label, as text.
    /// Returns the lineage of each new activity, by its new id.
    /// </summary>
    public static IReadOnlyList<(Guid NewId, ActivityLineage From)> Carry(
        string sourceSlug, ProgrammeVersion source, IReadOnlyCollection<Guid> chosen, ProgrammeVersion target, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(newId);
        if (target.Activities.Count > 0)
        {
            throw new DomainException(
                "Les activités sont reprises dans la première version, encore vide, du nouveau programme.",
                "Activities are carried over into the new programme's first version, while it is still empty.");
        }

        var live = source.Activities.Where(r => !r.IsDeleted).OrderBy(r => r.SortKey).ToList();
        var unknown = chosen.Where(id => live.All(r => r.ActivityId != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(
                "Une activité choisie ne figure pas dans la dernière version du programme repris.",
                "A chosen activity is not in the latest version of the programme carried over.");
        }

        var carried = live.Where(r => chosen.Contains(r.ActivityId)).Select(r => (Row: r, NewId: newId())).ToList();
        var successor = carried.ToDictionary(c => c.Row.ActivityId, c => c.NewId);
        string Reference(Guid id, Language language) => successor.TryGetValue(id, out var next)
            ? ActivityReferences.Token(next)
            : ActivityReferenceNumbers.Text(source, id, language);
        BilingualText Rewrite(BilingualText text) => ActivityReferences.Render(text, Reference);

        var numbers = new Dictionary<Section, int>();
        var lineage = new List<(Guid, ActivityLineage)>();
        foreach (var (row, id) in carried)
        {
            var number = numbers[row.Section] = numbers.GetValueOrDefault(row.Section) + 1;
            var content = row.Content with
            {
                Number = number,
                PreviousNumber = null,
                Revision = RevisionKind.Unchanged,
                Title = Rewrite(row.Title),
                Resources = Rewrite(row.Resources),
                Kpi = Rewrite(row.Kpi),
            };
            target.AddActivity(id, content).CarryTranslationStateFrom(row);
            lineage.Add((id, new ActivityLineage(sourceSlug, row.ActivityId, ActivityLabel.Of(row).ToString())));
        }

        return lineage;
    }
}
