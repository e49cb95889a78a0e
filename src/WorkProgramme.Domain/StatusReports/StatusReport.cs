using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.StatusReports;

/// <summary>Footnote 6's keywords.</summary>
public enum StatusKeyword
{
    Completed,
    Ongoing,
    Postponed,
    NotStarted,
}

/// <summary>Footnote 7's colours.</summary>
public enum ExecutionLevel
{
    Green,
    Blue,
    Red,
}

public enum ReportState
{
    Draft,
    Published,
}

public static class ExecutionLevels
{
    /// <summary>Green for completed, blue for ongoing, red for postponed or not started (footnote 7).</summary>
    public static ExecutionLevel For(StatusKeyword keyword) => keyword switch
    {
        StatusKeyword.Completed => ExecutionLevel.Green,
        StatusKeyword.Ongoing => ExecutionLevel.Blue,
        _ => ExecutionLevel.Red,
    };
}

/// <summary>A key milestone already reached, with its date as the Secretariat gives it.</summary>
public sealed record ReachedMilestone(DateOnly? Date, BilingualText Text);

/// <summary>The status of one activity written for one session of the body (footnote 6).</summary>
public sealed class StatusReport
{
    private IReadOnlyList<ReachedMilestone> milestonesReached = [];

    private StatusReport()
    {
        SessionKey = null!;
        NextSteps = Narrative = BilingualText.Empty;
    }

    public StatusReport(Guid activityId, string sessionKey)
        : this()
    {
        ActivityId = activityId;
        SessionKey = sessionKey;
        State = ReportState.Draft;
    }

    public int Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public string SessionKey { get; private set; }

    public StatusKeyword? Keyword { get; private set; }

    /// <summary>True when the keyword was read from the text rather than stated (the source lost it).</summary>
    public bool KeywordInferred { get; private set; }

    /// <summary>The colour shown; normally derived from the keyword, kept as recorded so a contradiction can be reported.</summary>
    public ExecutionLevel? ExecutionLevel { get; private set; }

    public IReadOnlyList<ReachedMilestone> MilestonesReached => milestonesReached;

    public BilingualText NextSteps { get; private set; }

    public BilingualText Narrative { get; private set; }

    public ReportState State { get; private set; }

    public bool LevelContradictsKeyword =>
        Keyword is { } k && ExecutionLevel is { } level && level != ExecutionLevels.For(k);

    public bool Says(StatusKeyword? keyword, bool keywordInferred, BilingualText narrative, BilingualText nextSteps,
        IEnumerable<ReachedMilestone> milestones, ExecutionLevel? level) =>
        Keyword == keyword && KeywordInferred == (keyword is not null && keywordInferred) && Narrative == narrative
        && NextSteps == nextSteps && MilestonesReached.SequenceEqual(milestones)
        && ExecutionLevel == (level ?? (keyword is { } k ? ExecutionLevels.For(k) : null));

    /// <summary>Records the status; the level follows the keyword unless a recorded colour is given (imports).</summary>
    public void Record(StatusKeyword? keyword, bool keywordInferred, BilingualText narrative, BilingualText nextSteps,
        IEnumerable<ReachedMilestone> milestones, ExecutionLevel? recordedLevel = null)
    {
        if (State == ReportState.Published)
        {
            throw new DomainException(
                "Ce rapport de situation est publié : il ne peut plus être modifié.",
                "This status report is published and can no longer be changed.");
        }

        Keyword = keyword;
        KeywordInferred = keyword is not null && keywordInferred;
        ExecutionLevel = recordedLevel ?? (keyword is { } k ? ExecutionLevels.For(k) : null);
        Narrative = narrative;
        NextSteps = nextSteps;
        milestonesReached = milestones.ToArray();
    }

    public void Publish()
    {
        if (State == ReportState.Published)
        {
            throw new DomainException("Ce rapport est déjà publié.", "This report is already published.");
        }

        State = ReportState.Published;
    }
}
