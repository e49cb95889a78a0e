using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Programmes;

public enum VersionState
{
    Draft,
    Endorsed,
    Approved,
}

/// <summary>One version of a programme: the rows as a given document (e.g. PC0756) states them.</summary>
public sealed class ProgrammeVersion
{
    private readonly List<ActivityVersion> activities = [];

    private ProgrammeVersion()
    {
        Label = null!;
    }

    internal ProgrammeVersion(string label, string? documentSymbol, string? sessionKey, int sequence)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new DomainException("Une version a un libellé.", "A version needs a label.");
        }

        Label = label.Trim();
        DocumentSymbol = documentSymbol;
        State = VersionState.Draft;
        SessionKey = sessionKey;
        Sequence = sequence;
    }

    public int Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public string Label { get; private set; }

    /// <summary>The official document symbol, e.g. PC0756.</summary>
    public string? DocumentSymbol { get; private set; }

    public VersionState State { get; private set; }

    /// <summary>Key of the session the version was prepared for; its status reports are the ones the document shows.</summary>
    public string? SessionKey { get; private set; }

    /// <summary>1 for the first version of a programme, then 2, 3...</summary>
    public int Sequence { get; private set; }

    public IReadOnlyCollection<ActivityVersion> Activities => activities;

    public ActivityVersion AddActivity(Guid activityId, ActivityContent content)
    {
        EnsureEditable();
        if (activities.Any(a => a.ActivityId == activityId))
        {
            throw new DomainException(
                "Cette activité figure déjà dans la version.",
                "This activity is already in the version.");
        }

        var row = new ActivityVersion(activityId, content);
        row.MoveTo(activities.Count == 0 ? 1 : activities.Max(a => a.Position) + 1);
        activities.Add(row);
        return row;
    }

    /// <summary>Sets a row's content; an approved version accepts only what it already says.</summary>
    public void ReviseActivity(Guid activityId, ActivityContent content)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        if (row.Content.Equals(content))
        {
            return;
        }

        EnsureEditable();
        row.Revise(content);
    }

    /// <summary>
    /// Takes an activity out of the programme without erasing it: the row stays, marked deleted and unnumbered, and the
    /// rows after it in its section move up one number.
    /// </summary>
    public ActivityVersion Retire(Guid activityId)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        if (row.IsDeleted)
        {
            throw new DomainException("Cette activité est déjà retirée.", "This activity is already retired.");
        }

        EnsureEditable();
        var retiredNumber = row.Number;
        row.Revise(row.Content with { Revision = RevisionKind.Deleted, Number = null, PreviousNumber = row.PreviousNumber ?? row.Number });
        foreach (var later in activities.Where(a => a.Section == row.Section && a.Number > retiredNumber).ToList())
        {
            var content = later.Content;
            var number = content.Number - 1;
            var previous = content.Revision == RevisionKind.New ? null : content.PreviousNumber ?? content.Number;
            var revision = content.Revision switch
            {
                RevisionKind.Unchanged or RevisionKind.Renumbered => number == previous ? RevisionKind.Unchanged : RevisionKind.Renumbered,
                var kept => kept,
            };
            later.Revise(content with { Number = number, PreviousNumber = previous, Revision = revision });
        }

        return row;
    }

    /// <summary>Adds a new activity at the end of its section, with the next number.</summary>
    public ActivityVersion AddNewActivity(Guid activityId, ActivityContent content)
    {
        var next = activities.Where(a => a.Section == content.Section && a.Number is not null).Select(a => a.Number!.Value).DefaultIfEmpty(0).Max() + 1;
        return AddActivity(activityId, content with { Number = next, PreviousNumber = null, Revision = RevisionKind.New });
    }

    /// <summary>Takes a row out of a draft version (retiring an activity keeps it as a deleted row instead).</summary>
    public void RemoveActivity(Guid activityId)
    {
        EnsureEditable();
        activities.RemoveAll(a => a.ActivityId == activityId);
    }

    /// <summary>Puts the rows in the given order (the document's); rows not named keep their relative order after them.</summary>
    public void Reorder(IReadOnlyList<Guid> order)
    {
        var rank = order.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var sorted = activities.OrderBy(a => rank.TryGetValue(a.ActivityId, out var r) ? r : int.MaxValue).ThenBy(a => a.Position).ToList();
        if (sorted.Select((a, index) => a.Position == index + 1).All(same => same))
        {
            return;
        }

        EnsureEditable();
        for (var index = 0; index < sorted.Count; index++)
        {
            sorted[index].MoveTo(index + 1);
        }
    }

    /// <summary>A version moves forward only: draft, endorsed by the committee, approved by the Council.</summary>
    public void Describe(string? documentSymbol, string? sessionKey)
    {
        if (documentSymbol == DocumentSymbol && sessionKey == SessionKey)
        {
            return;
        }

        EnsureEditable();
        DocumentSymbol = documentSymbol;
        SessionKey = sessionKey;
    }

    public void AdvanceTo(VersionState state)
    {
        if (state == State)
        {
            return;
        }

        if (state < State)
        {
            throw new DomainException(
                $"Une version « {State} » ne peut pas revenir à « {state} ».",
                $"A version that is {State} cannot go back to {state}.");
        }

        State = state;
    }

    private void EnsureEditable()
    {
        if (State == VersionState.Approved)
        {
            throw new DomainException(
                "Une version approuvée ne peut plus être modifiée.",
                "An approved version can no longer be changed.");
        }
    }
}
