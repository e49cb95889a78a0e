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

    public BilingualText Title { get; init; } = BilingualText.Empty;

    public BilingualText Resources { get; init; } = BilingualText.Empty;

    public BilingualText Kpi { get; init; } = BilingualText.Empty;

    public BilingualText Deadline { get; init; } = BilingualText.Empty;

    /// <summary>
    /// The content the fields describe. Bodies keep the order they had in <paramref name="stored"/>, the lead first and
    /// newly ticked ones last; the deadline's milestones are read again from its wording only when the wording changed.
    /// </summary>
    public ActivityContent ToContent(ActivityContent? stored)
    {
        var storedBodies = stored?.BodyCodes ?? [];
        var others = storedBodies.Where(OtherBodies.Contains).Concat(OtherBodies.Where(b => !storedBodies.Contains(b)));
        return new ActivityContent
        {
            Priority = Wire.TryParse<Domain.Activities.Priority>(Priority, out var priority) ? priority : null,
            LinkedToStrategicPlan = Linked switch { "yes" => true, "no" => false, _ => null },
            PlanCodes = PlanCodes,
            TaskType = Wire.TryParse<Domain.Activities.TaskType>(TaskType, out var taskType) ? taskType : null,
            BodyCodes = [.. (LeadBody is null ? [] : new[] { LeadBody }).Concat(others.Where(b => b != LeadBody))],
            Title = Title,
            Resources = Resources,
            Kpi = Kpi,
            Deadline = stored is { } row && !row.Deadline.Text.IsEmpty && row.Deadline.Text == Deadline
                ? row.Deadline
                : DeadlineParser.Parse(Deadline),
        };
    }
}
