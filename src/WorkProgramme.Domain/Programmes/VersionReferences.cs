using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Programmes;

/// <summary>
/// How references between activities resolve in one version (docs/decisions/0007): which activity "activité 2" or
/// "[[II.2]]" names, the label an activity has, and what a reference reads as. Kept apart from
/// <see cref="ProgrammeVersion"/>, which guards the version's changes; this only reads its rows.
/// </summary>
public sealed class VersionReferences(ProgrammeVersion version)
{
    private readonly ProgrammeVersion version = version ?? throw new ArgumentNullException(nameof(version));

    /// <summary>
    /// The live activity numbered <paramref name="number"/> in <paramref name="section"/>: what "activité N" written in a
    /// row of that section means (the document numbers activities per section and refers within it).
    /// </summary>
    public Guid? ActivityNumbered(Section section, int number) =>
        version.Activities.FirstOrDefault(a => a.Section == section && !a.IsDeleted && a.Number == number)?.ActivityId;

    /// <summary>"I.12": the label a live activity has in this version; null for a retired or unknown one.</summary>
    public string? LabelOf(Guid activityId) =>
        version.Activities.FirstOrDefault(a => a.ActivityId == activityId && !a.IsDeleted) is { Number: not null } row
            ? ActivityLabel.Of(row).ToString()
            : null;

    /// <summary>The live activity "I.12" or "II.3" names in this version.</summary>
    public Guid? ActivityLabelled(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return ActivityLabel.TryParse(label, out var parsed) ? ActivityNumbered(parsed.Section, parsed.Number!.Value) : null;
    }

    /// <summary>How a reference reads in this version: its number, or its former one marked retired.</summary>
    public string Text(Guid activityId, Language language) => ActivityReferenceNumbers.Text(version, activityId, language);

    /// <summary>The content with every plain "activité N" / "activity N" that names a live activity turned into a reference.</summary>
    public ActivityContent LinkMentions(ActivityContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Guid? Target(int number) => ActivityNumbered(content.Section, number);
        return content with
        {
            Title = ActivityReferences.Link(content.Title, Target),
            Resources = ActivityReferences.Link(content.Resources, Target),
            Kpi = ActivityReferences.Link(content.Kpi, Target),
            Deadline = new Deadline(ActivityReferences.Link(content.Deadline.Text, Target), content.Deadline.Continuous, content.Deadline.Milestones),
        };
    }

    /// <summary>The plain mentions in a row's texts that could become references, with the activity each would name.</summary>
    public IReadOnlyList<(int Number, Guid ActivityId)> MentionTargets(ActivityContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new[] { content.Title, content.Resources, content.Kpi, content.Deadline.Text }
            .SelectMany(t => ActivityReferences.Mentions(t.Fr).Concat(ActivityReferences.Mentions(t.En)))
            .Select(m => m.Number)
            .Distinct()
            .Select(n => (Number: n, Id: ActivityNumbered(content.Section, n)))
            .Where(p => p.Id is not null)
            .Select(p => (p.Number, p.Id!.Value))
            .ToList();
    }
}
