using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Programmes;

/// <summary>Builds the table's read models (<see cref="ActivityRowView"/>) from a loaded version.</summary>
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
        row.TaskType is { } taskType ? snapshot.TaskTypeLabel(taskType) : null,
        row.BodyCodes.Select(code => snapshot.BodyLabel(code).WithChosenRole(row.ChosenRoles.FirstOrDefault(c => c.Body == code)?.Role)).ToList(),
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

    /// <summary>A task type's code with its words as both display and name; a code the table lacks shows as itself.</summary>
    public static CodeLabel TaskTypeLabel(this ProgrammeSnapshot snapshot, string code) => TaskTypeLabel(snapshot.TaskTypes, code);

    public static CodeLabel TaskTypeLabel(IEnumerable<TaskType> taskTypes, string code) =>
        taskTypes.FirstOrDefault(t => t.Code == code) is { } type ? type.ToLabel() : new CodeLabel(code, new BilingualText(code, code), new BilingualText(code, code));

    public static CodeLabel ToLabel(this TaskType type) => new(type.Code, type.Name, type.Name);

    public static CodeLabel BodyLabel(this ProgrammeSnapshot snapshot, string code) =>
        snapshot.Bodies.TryGetValue(code, out var body)
            ? new CodeLabel(code, body.Abbreviation.IsEmpty ? new BilingualText(code, null) : body.Abbreviation, body.Name)
            : new CodeLabel(code, new BilingualText(code, null), BilingualText.Empty);

    /// <summary>
    /// A body as the table writes it, its role in words after it where an editor chose one ("EPMD (organe en charge)"):
    /// the page, the Word annex and the workbook show it; a body by its place reads as before (docs/decisions/0035).
    /// </summary>
    public static CodeLabel WithChosenRole(this CodeLabel body, BodyRole? role)
    {
        if (role is not { } chosen)
        {
            return body;
        }

        var words = BodyRoleWords.Of(chosen);
        var fr = body.Display.Fr ?? body.Display.En ?? body.Code;
        var en = body.Display.En ?? body.Display.Fr ?? body.Code;
        return body with { Display = new BilingualText($"{fr} ({words.Fr})", $"{en} ({words.En})") };
    }

    public static SessionView ToView(this Session session, ProgrammeSnapshot snapshot) => new(session.Key, snapshot.BodyLabel(session.BodyCode),
        new BilingualText(session.OrdinalLabel(Language.Fr), session.OrdinalLabel(Language.En)), session.Year, session.Month, session.Season);
}
