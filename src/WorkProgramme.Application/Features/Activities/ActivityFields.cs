using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// An activity's values as a form posts them (choices as their wire names, texts as typed), mapped to the activity by
/// the handler against the row as stored: a page hands these over and loads nothing to map them.
/// </summary>
public sealed record ActivityFields
{
    public string? Priority { get; init; }

    /// <summary>"yes", "no", or nothing.</summary>
    public string? Linked { get; init; }

    public IReadOnlyList<string> PlanCodes { get; init; } = [];

    public string? TaskType { get; init; }

    public string? LeadBody { get; init; }

    public IReadOnlyList<string> OtherBodies { get; init; } = [];

    /// <summary>
    /// The role chosen for a body, by body code, as its wire name ("lead", "supporting", "deciding"); any other value
    /// leaves the body the role its place gives it, and a body not named here keeps the role chosen for it before.
    /// </summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>();

    public BilingualText Title { get; init; } = BilingualText.Empty;

    public BilingualText Resources { get; init; } = BilingualText.Empty;

    public BilingualText Kpi { get; init; } = BilingualText.Empty;

    public BilingualText Deadline { get; init; } = BilingualText.Empty;

    /// <summary>
    /// The content the fields describe. Bodies keep the order they had in <paramref name="stored"/>, the lead first and
    /// newly ticked ones last; a body keeps the role chosen for it when the form names none; the deadline's milestones are read again from its wording only when the wording changed.
    /// </summary>
    public ActivityContent ToContent(ActivityContent? stored)
    {
        var storedBodies = stored?.BodyCodes ?? [];
        var others = storedBodies.Where(OtherBodies.Contains).Concat(OtherBodies.Where(b => !storedBodies.Contains(b)));
        IReadOnlyList<string> bodies = [.. (LeadBody is null ? [] : new[] { LeadBody }).Concat(others.Where(b => b != LeadBody))];
        return new ActivityContent
        {
            Priority = Wire.TryParse<Domain.Activities.Priority>(Priority, out var priority) ? priority : null,
            LinkedToStrategicPlan = Linked switch { "yes" => true, "no" => false, _ => null },
            PlanCodes = PlanCodes,
            TaskType = UserText.Normalize(TaskType),
            BodyCodes = bodies,
            ChosenRoles = [.. bodies.Select(code => Roles.TryGetValue(code, out var posted)
                    ? Wire.TryParse<BodyRole>(posted, out var role) ? new BodyRoleChoice(code, role) : null
                    : stored?.ChosenRoles.FirstOrDefault(c => c.Body == code))
                .OfType<BodyRoleChoice>()],
            Title = Title,
            Resources = Resources,
            Kpi = Kpi,
            Deadline = stored is { } row && !row.Deadline.Text.IsEmpty && row.Deadline.Text == Deadline
                ? row.Deadline
                : DeadlineParser.Parse(Deadline),
        };
    }
}
