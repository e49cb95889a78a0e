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

    /// <summary>The task type's code (<see cref="Activities.TaskType.Code"/>).</summary>
    public string? TaskType { get; init; }

    /// <summary>Responsible bodies in the order written: the lead first (footnote 5).</summary>
    public IReadOnlyList<string> BodyCodes { get; init; } = [];

    /// <summary>
    /// The roles an editor chose for some of the bodies; a body without one takes the role its place gives it
    /// (<see cref="RoleByPlace"/>). Kept only where it differs from that role (<see cref="WithRolesThatSaySomething"/>).
    /// </summary>
    public IReadOnlyList<BodyRoleChoice> ChosenRoles { get; init; } = [];

    public BilingualText Title { get; init; } = BilingualText.Empty;

    public BilingualText Resources { get; init; } = BilingualText.Empty;

    public BilingualText Kpi { get; init; } = BilingualText.Empty;

    public Deadline Deadline { get; init; } = Deadline.None;

    public bool Equals(ActivityContent? other) =>
        other is not null && Section == other.Section && Number == other.Number && PreviousNumber == other.PreviousNumber
        && Revision == other.Revision && Priority == other.Priority && LinkedToStrategicPlan == other.LinkedToStrategicPlan
        && PlanCodes.SequenceEqual(other.PlanCodes) && TaskType == other.TaskType && BodyCodes.SequenceEqual(other.BodyCodes)
        && ChosenRoles.SequenceEqual(other.ChosenRoles)
        && Title == other.Title && Resources == other.Resources && Kpi == other.Kpi && Deadline == other.Deadline;

    /// <summary>The role a body has by its place, as the document reads it: the first leads, decision bodies decide, the rest support.</summary>
    public static BodyRole RoleByPlace(int index, string code, Func<string, bool> isDecisionBody)
    {
        ArgumentNullException.ThrowIfNull(isDecisionBody);
        return index == 0 ? BodyRole.Lead : isDecisionBody(code) ? BodyRole.Deciding : BodyRole.Supporting;
    }

    /// <summary>Each body's role: the one chosen for it, or the one its place gives it.</summary>
    public IReadOnlyList<(string Code, BodyRole Role)> RolesOfBodies(Func<string, bool> isDecisionBody) =>
        BodyCodes.Select((code, index) => (code, ChosenRoles.FirstOrDefault(c => c.Body == code)?.Role ?? RoleByPlace(index, code, isDecisionBody)))
            .ToArray();

    /// <summary>
    /// The same content with one chosen role per body of the activity, in the bodies' order, and none that its place
    /// already gives it: saving the roles a form shows unchanged stores nothing new.
    /// </summary>
    public ActivityContent WithRolesThatSaySomething(Func<string, bool> isDecisionBody) => this with
    {
        ChosenRoles = RolesOfBodies(isDecisionBody)
            .Where(r => ChosenRoles.Any(c => c.Body == r.Code))
            .Where(r => r.Role != RoleByPlace(BodyCodes.ToList().IndexOf(r.Code), r.Code, isDecisionBody))
            .Select(r => new BodyRoleChoice(r.Code, r.Role))
            .ToArray(),
    };

    public override int GetHashCode() => HashCode.Combine(Section, Number, Revision, Title);
}

/// <summary>The role an editor chose for one of an activity's bodies.</summary>
public sealed record BodyRoleChoice(string Body, BodyRole Role);
