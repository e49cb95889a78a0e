using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>
/// The words the template's footnote 4 gives the types of associated tasks, in French and English (maintenance as the
/// document writes it in practice: "Suivi"). They are the document's own vocabulary, so they live here once, like
/// <see cref="StatusReports.StatusWords"/>: the pages, the Word annex, the workbook (written and read) and the
/// comparison of versions read them from this table (docs/decisions/0016).
/// </summary>
public static class TaskTypeWords
{
    public static BilingualText Of(TaskType taskType) => taskType switch
    {
        TaskType.FineTuning => new("Mise au point", "Fine-tuning"),
        TaskType.Updating => new("Mise à jour", "Updating"),
        TaskType.Development => new("Développement", "Development"),
        TaskType.Maintenance => new("Suivi", "Maintenance"),
        _ => throw new ArgumentOutOfRangeException(nameof(taskType)),
    };

    /// <summary>The word in one language (both are always written).</summary>
    public static string Of(TaskType taskType, Language language) => Of(taskType).In(language)!;

    /// <summary>Every task type with its words, in the template's order.</summary>
    public static IReadOnlyDictionary<TaskType, BilingualText> All { get; } = Enum.GetValues<TaskType>().ToDictionary(t => t, Of);
}
