using System.Globalization;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// One FR/EN text of a programme version or of a status report, named by an id that survives renumbering: the activity
/// id and the field (docs/decisions/0043). <see cref="Outdated"/> is the side the drift marks say is behind.
/// </summary>
public sealed record TranslationText(string UnitId, Guid ActivityId, string Label, BilingualText Column, BilingualText Text, Language? Outdated,
    TextField? Field, ReportTextField? ReportField, string? SessionKey, int Index)
{
    public bool IsReport => ReportField is not null;
}

/// <summary>Every text of a version and of its reports, in document order, and how a unit id names one.</summary>
public static class TranslationTexts
{
    private static readonly (TextField Field, string Name, TableColumn Column)[] ActivityFields =
    [
        (TextField.Title, "title", TableColumn.Activity),
        (TextField.Resources, "resources", TableColumn.Resources),
        (TextField.Kpi, "kpi", TableColumn.Kpi),
        (TextField.Deadline, "deadline", TableColumn.Deadline),
    ];

    private static readonly BilingualText NarrativeColumn = new("Etat d’avancement", "Status");
    private static readonly BilingualText NextStepsColumn = new("Etat d’avancement : prochaines étapes", "Status: next steps");
    private static readonly BilingualText MilestoneColumn = new("Etat d’avancement : étape franchie", "Status: milestone reached");

    /// <summary>"ptc-2022-2025/2024-04": the programme and version a <c>&lt;file&gt;</c> holds.</summary>
    public static string Original(string slug, string versionLabel) => $"{slug}/{versionLabel}";

    public static IEnumerable<TranslationText> Of(ProgrammeVersion version, IReadOnlyDictionary<Guid, StatusReport> reports)
    {
        foreach (var row in version.Activities.Where(a => !a.IsDeleted).OrderBy(a => a.SortKey))
        {
            var label = ActivityLabel.Of(row).ToString();
            foreach (var (field, name, column) in ActivityFields)
            {
                var outdated = row.OutdatedTranslations.FirstOrDefault(o => o.Field == field)?.Outdated;
                yield return new TranslationText($"activity/{row.ActivityId:D}/{name}", row.ActivityId, label, ProgrammeTable.Headers[column],
                    row.TextOf(field), outdated, field, null, null, 0);
            }

            if (reports.GetValueOrDefault(row.ActivityId) is not { } report)
            {
                continue;
            }

            foreach (var text in Of(report, label))
            {
                yield return text;
            }
        }
    }

    /// <summary>A status report's texts: narrative, next steps, each milestone reached.</summary>
    public static IEnumerable<TranslationText> Of(StatusReport report, string label)
    {
        var prefix = $"report/{report.SessionKey}/{report.ActivityId:D}";
        yield return new TranslationText($"{prefix}/narrative", report.ActivityId, label, NarrativeColumn, report.Narrative,
            report.OutdatedSide(ReportTextField.Narrative), null, ReportTextField.Narrative, report.SessionKey, 0);
        yield return new TranslationText($"{prefix}/next-steps", report.ActivityId, label, NextStepsColumn, report.NextSteps,
            report.OutdatedSide(ReportTextField.NextSteps), null, ReportTextField.NextSteps, report.SessionKey, 0);
        for (var index = 0; index < report.MilestonesReached.Count; index++)
        {
            yield return new TranslationText($"{prefix}/milestone-{(index + 1).ToString(CultureInfo.InvariantCulture)}", report.ActivityId, label,
                MilestoneColumn, report.MilestonesReached[index].Text, report.OutdatedSide(ReportTextField.Milestone, index), null,
                ReportTextField.Milestone, report.SessionKey, index);
        }
    }
}
