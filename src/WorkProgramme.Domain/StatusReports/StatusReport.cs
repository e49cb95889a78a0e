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

/// <summary>The texts of a status report that come in French and English.</summary>
public enum ReportTextField
{
    Narrative,
    NextSteps,
    Milestone,
}

public enum ReportState
{
    Draft,
    Published,
}

/// <summary>Where a draft report stands in a reporting round.</summary>
public enum ReportProgress
{
    NotUpdated,
    Updated,
    Reviewed,
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

/// <summary>
/// One side of a report text written before the other side last changed (translation drift): <see cref="Index"/> is the
/// milestone's position, 0 for the narrative and next steps.
/// </summary>
public sealed record OutdatedReportText(ReportTextField Field, int Index, Language Outdated);

/// <summary>A key milestone already reached, with its date as the Secretariat gives it.</summary>
public sealed record ReachedMilestone(DateOnly? Date, BilingualText Text);

/// <summary>The status of one activity written for one session of the body (footnote 6).</summary>
public sealed class StatusReport
{
    private IReadOnlyList<ReachedMilestone> milestonesReached = [];

    private IReadOnlyList<OutdatedReportText> outdatedTranslations = [];

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

    /// <summary>The texts whose translation was written before the other language last changed (translation drift).</summary>
    public IReadOnlyList<OutdatedReportText> OutdatedTranslations => outdatedTranslations;

    public ReportState State { get; private set; }

    public ReportProgress Progress { get; private set; } = ReportProgress.Updated;

    public string? UpdatedBy { get; private set; }

    public string? ReviewedBy { get; private set; }

    /// <summary>Goes up by one at every change: an update must name the value it started from.</summary>
    public int RowVersion { get; private set; } = 1;

    /// <summary>
    /// A draft for a new round, pre-filled from the activity's last published report (copy forward) and marked not yet
    /// updated.
    /// </summary>
    public static StatusReport CopyForward(Guid activityId, string sessionKey, StatusReport? previous)
    {
        var draft = new StatusReport(activityId, sessionKey);
        if (previous is not null)
        {
            draft.Keyword = previous.Keyword;
            draft.KeywordInferred = previous.KeywordInferred;
            draft.ExecutionLevel = previous.Keyword is { } k ? ExecutionLevels.For(k) : previous.ExecutionLevel;
            draft.Narrative = previous.Narrative;
            draft.NextSteps = previous.NextSteps;
            draft.milestonesReached = previous.milestonesReached;
            draft.outdatedTranslations = previous.outdatedTranslations;
        }

        draft.Progress = ReportProgress.NotUpdated;
        return draft;
    }

    /// <summary>An officer writes the report for the round; the level follows the keyword.</summary>
    /// <summary>
    /// For read copies only (untracked): shows each reference to an activity as <paramref name="number"/> renders it, for
    /// exports that write numbers as text.
    /// </summary>
    public void RenderReferences(Func<Guid, Language, string> number)
    {
        Narrative = Activities.ActivityReferences.Render(Narrative, number);
        NextSteps = Activities.ActivityReferences.Render(NextSteps, number);
        milestonesReached = milestonesReached.Select(m => m with { Text = Activities.ActivityReferences.Render(m.Text, number) }).ToList();
    }

    public void Update(StatusKeyword? keyword, BilingualText narrative, BilingualText nextSteps, IEnumerable<ReachedMilestone> milestones, string by)
    {
        var reached = milestones.ToArray();

        // Saving a report that already says this changes nothing: no new version, no entry in the history, review kept.
        // Texts compare in their normalised spelling (BilingualText), so a browser's CRLF line breaks are no change.
        if (State != ReportState.Published && Progress != ReportProgress.NotUpdated
            && Says(keyword, keywordInferred: false, narrative, nextSteps, reached, level: null))
        {
            return;
        }

        Record(keyword, keywordInferred: false, narrative, nextSteps, reached);
        Progress = ReportProgress.Updated;
        UpdatedBy = by;
        ReviewedBy = null;
        RowVersion++;
    }

    /// <summary>A second editor checks the report: not the one who last wrote it.</summary>
    public void Review(string by)
    {
        if (State == ReportState.Published)
        {
            throw new DomainException("Ce rapport est publié.", "This report is published.");
        }

        if (Progress != ReportProgress.Updated)
        {
            throw new DomainException(
                "Seul un rapport mis à jour peut être marqué comme relu.",
                "Only an updated report can be marked reviewed.");
        }

        if (string.Equals(UpdatedBy, by, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(
                "La relecture est faite par un autre membre du Secrétariat que l’auteur.",
                "The review is done by another Secretariat member than the author.");
        }

        Progress = ReportProgress.Reviewed;
        ReviewedBy = by;
        RowVersion++;
    }

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

        TextRule.Narrative.Check(narrative);
        TextRule.NextSteps.Check(nextSteps);
        var reached = milestones.ToArray();
        foreach (var milestone in reached)
        {
            TextRule.MilestoneReached.Check(milestone.Text);
        }

        var drift = new List<OutdatedReportText>();
        void Follow(ReportTextField field, int index, BilingualText before, BilingualText after)
        {
            if (TranslationDrift.After(before, after, OutdatedSide(field, index)) is { } side)
            {
                drift.Add(new OutdatedReportText(field, index, side));
            }
        }

        Follow(ReportTextField.Narrative, 0, Narrative, narrative);
        Follow(ReportTextField.NextSteps, 0, NextSteps, nextSteps);
        // Milestones follow by position: one inserted before others changes both languages of those after it, in step.
        for (var index = 0; index < reached.Length; index++)
        {
            Follow(ReportTextField.Milestone, index, index < milestonesReached.Count ? milestonesReached[index].Text : BilingualText.Empty, reached[index].Text);
        }

        outdatedTranslations = drift;
        Keyword = keyword;
        KeywordInferred = keyword is not null && keywordInferred;
        ExecutionLevel = recordedLevel ?? (keyword is { } k ? ExecutionLevels.For(k) : null);
        Narrative = narrative;
        NextSteps = nextSteps;
        milestonesReached = reached;
    }

    /// <summary>The report's text of <paramref name="field"/> (for a milestone, the one at <paramref name="index"/>); null when there is none.</summary>
    public BilingualText? TextOf(ReportTextField field, int index = 0) => field switch
    {
        ReportTextField.Narrative => Narrative,
        ReportTextField.NextSteps => NextSteps,
        _ => index >= 0 && index < milestonesReached.Count ? milestonesReached[index].Text : null,
    };

    /// <summary>The side of a text the drift marks say is behind the other; null when the pair is in step.</summary>
    public Language? OutdatedSide(ReportTextField field, int index = 0) =>
        outdatedTranslations.FirstOrDefault(o => o.Field == field && o.Index == index)?.Outdated;

    /// <summary>
    /// Writes the <paramref name="language"/> side of one text (a translation); the other side stays as it is and the
    /// text's drift mark is cleared. A published report is frozen in its official wording, so it only takes a translation
    /// where the text had none: the missing language is added, the French as published stays.
    /// </summary>
    public bool Translate(ReportTextField field, int index, Language language, string translation)
    {
        var before = TextOf(field, index)
            ?? throw new DomainException("Ce texte ne figure pas dans le rapport.", "This text is not in the report.");
        var after = language == Language.Fr ? new BilingualText(translation, before.En) : new BilingualText(before.Fr, translation);
        if (after == before && OutdatedSide(field, index) is null)
        {
            return false;
        }

        if (State == ReportState.Published && before.In(language) is not null)
        {
            throw new DomainException(
                "Ce rapport est publié : une traduction n’y est ajoutée que là où il n’y en avait pas.",
                "This report is published: a translation is only added where there was none.");
        }

        switch (field)
        {
            case ReportTextField.Narrative:
                TextRule.Narrative.Check(after);
                Narrative = after;
                break;
            case ReportTextField.NextSteps:
                TextRule.NextSteps.Check(after);
                NextSteps = after;
                break;
            default:
                TextRule.MilestoneReached.Check(after);
                milestonesReached = milestonesReached.Select((m, i) => i == index ? m with { Text = after } : m).ToArray();
                break;
        }

        outdatedTranslations = outdatedTranslations.Where(o => o.Field != field || o.Index != index).ToArray();
        RowVersion++;
        return true;
    }

    /// <summary>
    /// "Translation checked": an editor confirms the report's texts say the same in both languages although one side
    /// changed after the other was written; false when none was outdated. A published report keeps its marks as published.
    /// </summary>
    public bool ConfirmTranslations()
    {
        if (outdatedTranslations.Count == 0)
        {
            return false;
        }

        if (State == ReportState.Published)
        {
            throw new DomainException("Ce rapport de situation est publié : il ne peut plus être modifié.",
                "This status report is published and can no longer be changed.");
        }

        outdatedTranslations = [];
        RowVersion++;
        return true;
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
