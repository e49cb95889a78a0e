namespace WorkProgramme.Domain.Activities;

/// <summary>
/// The stable identity of an activity. Its number, wording and section live in <see cref="ActivityVersion"/>
/// and change from one programme version to the next; this id never does, so links, status reports and
/// cross-references survive renumbering.
/// </summary>
public sealed class Activity
{
    private Activity() { }

    public Activity(Guid id, int programmeId)
    {
        Id = id == Guid.Empty ? Guid.NewGuid() : id;
        ProgrammeId = programmeId;
    }

    public Guid Id { get; private set; }

    public int ProgrammeId { get; private set; }
}
