namespace WorkProgramme.Application.Features.Assignments;

/// <summary>
/// A Secretariat officer assigned to an activity: one of those who write its status report. It links a user account,
/// so it lives beside Identity in the application, not in the domain.
/// </summary>
public sealed class ActivityAssignment
{
    private ActivityAssignment()
    {
        UserId = AssignedBy = null!;
    }

    public ActivityAssignment(Guid activityId, string userId, string assignedBy, DateTimeOffset assignedAt)
    {
        ActivityId = activityId;
        UserId = userId;
        AssignedBy = assignedBy;
        AssignedAt = assignedAt;
    }

    public int Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public string UserId { get; private set; }

    public string AssignedBy { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }
}
