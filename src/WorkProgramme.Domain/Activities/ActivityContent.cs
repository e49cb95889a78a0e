using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>Everything the Secretariat writes in one programme row, as one value to set at once.</summary>
public sealed record ActivityContent
{
    public Section Section { get; init; }

    public int? Number { get; init; }

    public int? PreviousNumber { get; init; }

    public RevisionKind Revision { get; init; }

    public Priority? Priority { get; init; }

    public bool? LinkedToStrategicPlan { get; init; }

    public IReadOnlyList<string> PlanCodes { get; init; } = [];

    public TaskType? TaskType { get; init; }

    /// <summary>Responsible bodies in the order written: the lead first (footnote 5).</summary>
    public IReadOnlyList<string> BodyCodes { get; init; } = [];

    public BilingualText Title { get; init; } = BilingualText.Empty;

    public BilingualText Resources { get; init; } = BilingualText.Empty;

    public BilingualText Kpi { get; init; } = BilingualText.Empty;

    public Deadline Deadline { get; init; } = Deadline.None;

    public bool Equals(ActivityContent? other) =>
        other is not null && Section == other.Section && Number == other.Number && PreviousNumber == other.PreviousNumber
        && Revision == other.Revision && Priority == other.Priority && LinkedToStrategicPlan == other.LinkedToStrategicPlan
        && PlanCodes.SequenceEqual(other.PlanCodes) && TaskType == other.TaskType && BodyCodes.SequenceEqual(other.BodyCodes)
        && Title == other.Title && Resources == other.Resources && Kpi == other.Kpi && Deadline == other.Deadline;

    public override int GetHashCode() => HashCode.Combine(Section, Number, Revision, Title);
}
