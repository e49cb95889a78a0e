using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.OfficeTables;

/// <summary>
/// The cells of one imported row mapped onto an activity's content: the file's language side of each text, the codes
/// and words read back, and the columns whose value changes. Reports cells it cannot read.
/// </summary>
internal static class ImportCellMapper
{
    public static (ActivityContent Content, List<TableColumn> Changed) Map(TableRow row, ActivityContent stored, ProgrammeVersion version,
        Language language, CodeBook codes, Action<TableColumn?, string, string> problem)
    {
        var changed = new List<TableColumn>();
        var content = stored;

        void Set(TableColumn column, ActivityContent updated, bool differs)
        {
            content = updated;
            if (differs)
            {
                changed.Add(column);
            }
        }

        var priority = ParsePriority(row.Cell(TableColumn.Priority), problem);
        Set(TableColumn.Priority, content with { Priority = priority }, priority != stored.Priority);

        bool? linked = null;
        if (row.Cell(TableColumn.Link) is { } linkText)
        {
            linked = ProgrammeTable.ParseYesNo(linkText);
            if (linked is null)
            {
                problem(TableColumn.Link, $"« {linkText} » : attendu Oui ou Non", $"'{linkText}': expected Yes or No");
            }
        }

        Set(TableColumn.Link, content with { LinkedToStrategicPlan = linked }, linked != stored.LinkedToStrategicPlan);

        string? taskType = null;
        if (row.Cell(TableColumn.TaskType) is { } typeText)
        {
            taskType = ProgrammeTable.ParseTaskType(typeText, codes.TaskTypes);
            if (taskType is null)
            {
                var fr = string.Join(", ", codes.TaskTypes.Select(t => t.Name.Fr));
                var en = string.Join(", ", codes.TaskTypes.Select(t => t.Name.En));
                problem(TableColumn.TaskType, $"« {typeText} » : type inconnu (attendu : {fr})", $"'{typeText}': unknown type (expected: {en})");
            }
        }

        Set(TableColumn.TaskType, content with { TaskType = taskType }, taskType != stored.TaskType);

        var planCodes = codes.Plan(row.Cell(TableColumn.StrategicPlan), unknown =>
            problem(TableColumn.StrategicPlan, $"code du Plan stratégique inconnu « {unknown} »", $"unknown Strategic Plan code '{unknown}'"));
        Set(TableColumn.StrategicPlan, content with { PlanCodes = planCodes }, !planCodes.SequenceEqual(stored.PlanCodes));

        var bodies = codes.Bodies(row.Cell(TableColumn.Body), unknown =>
            problem(TableColumn.Body, $"organe inconnu « {unknown} »", $"unknown body '{unknown}'"));
        Set(TableColumn.Body, content with { BodyCodes = bodies }, !bodies.SequenceEqual(stored.BodyCodes));

        // The exports write each reference as the number it has in the version: a cell still saying so is unchanged. A
        // reference may also be written as the edit form shows it, "[[I.12]]".
        var unknownLabels = new List<string>();
        BilingualText SideOf(BilingualText storedText, string? cell) => ActivityReferences.FromEditable(
            Side(storedText, ActivityReferences.Render(storedText, (id, l) => ActivityReferenceNumbers.Text(version, id, l)), cell, language),
            new VersionReferences(version).ActivityLabelled, unknownLabels);
        var title = SideOf(stored.Title, row.Cell(TableColumn.Activity));
        Set(TableColumn.Activity, content with { Title = title }, title != stored.Title);
        var resources = SideOf(stored.Resources, row.Cell(TableColumn.Resources));
        Set(TableColumn.Resources, content with { Resources = resources }, resources != stored.Resources);
        var kpi = SideOf(stored.Kpi, row.Cell(TableColumn.Kpi));
        Set(TableColumn.Kpi, content with { Kpi = kpi }, kpi != stored.Kpi);
        var deadlineCell = row.Cell(TableColumn.Deadline);
        // The annex writes a continuous deadline without wording in its language as the template's own term.
        var templateTerm = stored.Deadline.Continuous && stored.Deadline.Text.In(language) is null
            && deadlineCell == AnnexTemplate.ContinuousWork.In(language);
        var deadlineText = templateTerm ? stored.Deadline.Text : SideOf(stored.Deadline.Text, deadlineCell);
        if (deadlineText != stored.Deadline.Text)
        {
            // The wording changed: read its milestones again, as the edit form does.
            Set(TableColumn.Deadline, content with { Deadline = deadlineText.IsEmpty ? Deadline.None : DeadlineParser.Parse(deadlineText) }, true);
        }

        if (title.IsEmpty)
        {
            problem(TableColumn.Activity, "l’intitulé de l’activité est obligatoire", "the activity's title is required");
        }

        if (unknownLabels.Count > 0)
        {
            var unknown = EditableReferences.Unknown(unknownLabels);
            problem(null, unknown.Fr!, unknown.En!);
        }

        return (content, changed);
    }

    private static Priority? ParsePriority(string? text, Action<TableColumn?, string, string> problem)
    {
        if (text is null)
        {
            return null;
        }

        if (Wire.TryParse<Priority>(text, out var priority))
        {
            return priority;
        }

        problem(TableColumn.Priority, $"« {text} » : attendu A, B ou C", $"'{text}': expected A, B or C");
        return null;
    }

    /// <summary>
    /// The cell sets the sheet's language; the other stays. A cell that only shows the other language, marked as the
    /// export marks a missing translation, leaves the text as it was.
    /// </summary>
    /// <summary>
    /// The text with the file's language side replaced by <paramref name="cell"/>, unless the cell says what the export
    /// wrote for it (<paramref name="exported"/>: references as numbers; a missing side as the other language marked).
    /// </summary>
    private static BilingualText Side(BilingualText stored, BilingualText exported, string? cell, Language language)
    {
        var other = language.Other();
        if (cell is not null && cell == exported.In(language))
        {
            return stored;
        }

        if (cell is not null && stored.In(language) is null && exported.In(other) is { } otherText
            && cell == ProgrammeTable.FallbackMark(other) + otherText)
        {
            return stored;
        }

        return language == Language.Fr ? new BilingualText(cell, stored.En) : new BilingualText(stored.Fr, cell);
    }
}
