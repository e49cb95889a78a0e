using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Documents.Tables;

/// <summary>A code with what to show for it in each language (CTP / PTC, PS1 / SP1) and its full name.</summary>
public sealed record CodeLabel(string Code, BilingualText Display, BilingualText Name);

public sealed record StatusView(
    string SessionKey,
    StatusKeyword? Keyword,
    bool KeywordInferred,
    ExecutionLevel? ExecutionLevel,
    BilingualText Narrative,
    BilingualText NextSteps,
    IReadOnlyList<ReachedMilestone> MilestonesReached,
    ReportState State);

/// <summary>
/// One row of the programme table, as every page, API and export shows it. The task type is its code with its words
/// (the table's, docs/decisions/0052) as both <see cref="CodeLabel.Display"/> and <see cref="CodeLabel.Name"/>.
/// </summary>
public sealed record ActivityRowView(
    Guid ActivityId,
    Section Section,
    int? Number,
    int? PreviousNumber,
    RevisionKind Revision,
    Priority? Priority,
    bool? LinkedToStrategicPlan,
    IReadOnlyList<CodeLabel> PlanElements,
    CodeLabel? TaskType,
    IReadOnlyList<CodeLabel> Bodies,
    BilingualText Title,
    BilingualText Resources,
    BilingualText Kpi,
    Deadline Deadline,
    StatusView? Status,
    int Errors,
    int Warnings,
    bool Overdue = false,
    IReadOnlyList<OutdatedTranslation>? OutdatedTranslations = null,
    int RowVersion = 0)
{
    /// <summary>The side of a text written before the other language last changed; null when in step.</summary>
    public Language? Outdated(TextField field) => OutdatedTranslations?.FirstOrDefault(o => o.Field == field)?.Outdated;

    public bool HasOutdatedTranslation => OutdatedTranslations is { Count: > 0 };

    public bool IsDeleted => Revision == RevisionKind.Deleted;

    /// <summary>"I.12", "II.3": how the Secretariat refers to a row.</summary>
    public string Reference => new ActivityLabel(Section, Number).ToString();
}

public sealed record SessionView(string Key, CodeLabel Body, BilingualText Ordinals, int Year, int Month, Season? Season);
