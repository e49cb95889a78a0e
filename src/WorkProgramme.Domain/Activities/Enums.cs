namespace WorkProgramme.Domain.Activities;

public enum Section
{
    /// <summary>Section I: activities with a specific deadline.</summary>
    TimeBound,

    /// <summary>Section II: permanent activities, deadline "continuous work".</summary>
    Permanent,
}

public enum Priority
{
    A,
    B,
    C,
}

/// <summary>How a row changed in the revision that produced its programme version.</summary>
public enum RevisionKind
{
    Unchanged,
    Renumbered,
    Reworded,
    New,
    Deleted,
}

public enum BodyRole
{
    Lead,
    Supporting,
    Deciding,
}
