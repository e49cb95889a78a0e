namespace WorkProgramme.Domain.Activities;

/// <summary>
/// The stable identity of an activity. Its number, wording and section live in <see cref="ActivityVersion"/>
/// and change from one programme version to the next; this id never does, so links, status reports and
/// cross-references survive renumbering.
/// </summary>
public sealed class Activity
{
    private Activity() { }

    public Activity(Guid id, int programmeId, ActivityLineage? carriedFrom = null)
    {
        Id = id == Guid.Empty ? Guid.NewGuid() : id;
        ProgrammeId = programmeId;
        CarriedFromProgramme = carriedFrom?.Programme;
        CarriedFromId = carriedFrom?.Id;
        CarriedFromLabel = carriedFrom?.Label;
    }

    public Guid Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public string? CarriedFromProgramme { get; private set; }

    public Guid? CarriedFromId { get; private set; }

    public string? CarriedFromLabel { get; private set; }

    /// <summary>The activity of the previous period this one continues; null for an activity that started here.</summary>
    public ActivityLineage? CarriedFrom =>
        CarriedFromProgramme is { } programme && CarriedFromId is { } id ? new ActivityLineage(programme, id, CarriedFromLabel ?? "") : null;
}

/// <summary>
/// Where a carried-over activity comes from: the programme of the previous period (its slug), the activity's stable id
/// there and the label it last had ("I.12"), so its story reads across periods (docs/decisions/0039).
/// </summary>
public sealed record ActivityLineage(string Programme, Guid Id, string Label);
