using WorkProgramme.Application.Features.Shared;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Programmes;

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

/// <summary>One row of the programme table, as every page, API and export shows it.</summary>
public sealed record ActivityRowView(
    Guid ActivityId,
    Section Section,
    int? Number,
    int? PreviousNumber,
    RevisionKind Revision,
    Priority? Priority,
    bool? LinkedToStrategicPlan,
    IReadOnlyList<CodeLabel> PlanElements,
    TaskType? TaskType,
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

public static class ActivityRowViews
{
    public static ActivityRowView ToRowView(this ActivityVersion row, ProgrammeSnapshot snapshot, int errors = 0, int warnings = 0,
        bool overdue = false) => new(
        row.ActivityId,
        row.Section,
        row.Number,
        row.PreviousNumber,
        row.Revision,
        row.Priority,
        row.LinkedToStrategicPlan,
        row.PlanCodes.Select(code => snapshot.PlanLabel(code)).ToList(),
        row.TaskType,
        row.BodyCodes.Select(code => snapshot.BodyLabel(code)).ToList(),
        row.Title,
        row.Resources,
        row.Kpi,
        row.Deadline,
        snapshot.Reports.GetValueOrDefault(row.ActivityId)?.ToStatusView(),
        errors,
        warnings,
        overdue,
        row.OutdatedTranslations,
        row.RowVersion);

    public static StatusView ToStatusView(this StatusReport report) => new(
        report.SessionKey, report.Keyword, report.KeywordInferred, report.ExecutionLevel, report.Narrative, report.NextSteps,
        report.MilestonesReached, report.State);

    public static CodeLabel PlanLabel(this ProgrammeSnapshot snapshot, string code) =>
        snapshot.PlanElements.TryGetValue(code, out var element)
            ? new CodeLabel(code, element.DisplayCode, element.Label)
            : new CodeLabel(code, new BilingualText(code, code), BilingualText.Empty);

    public static CodeLabel BodyLabel(this ProgrammeSnapshot snapshot, string code) =>
        snapshot.Bodies.TryGetValue(code, out var body)
            ? new CodeLabel(code, body.Abbreviation.IsEmpty ? new BilingualText(code, null) : body.Abbreviation, body.Name)
            : new CodeLabel(code, new BilingualText(code, null), BilingualText.Empty);

    public static SessionView ToView(this Session session, ProgrammeSnapshot snapshot) => new(session.Key, snapshot.BodyLabel(session.BodyCode),
        new BilingualText(session.OrdinalLabel(Language.Fr), session.OrdinalLabel(Language.En)), session.Year, session.Month, session.Season);
}

public sealed record SessionView(string Key, CodeLabel Body, BilingualText Ordinals, int Year, int Month, Season? Season);
