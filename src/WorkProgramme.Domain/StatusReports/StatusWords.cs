using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.StatusReports;

/// <summary>
/// The words the template's footnotes 6 and 7 give the status keywords and execution levels, in French and English.
/// They are the document's own vocabulary, so they live here once and every surface reads them from this table: the
/// pages, the Word annex, the workbook and the comparison of versions (docs/decisions/0016).
/// </summary>
public static class StatusWords
{
    public static BilingualText Of(StatusKeyword keyword) => keyword switch
    {
        StatusKeyword.Completed => new("Achevé", "Completed"),
        StatusKeyword.Ongoing => new("En cours", "Ongoing"),
        StatusKeyword.Postponed => new("Reporté", "Postponed"),
        StatusKeyword.NotStarted => new("Pas encore commencé", "Not yet started"),
        _ => throw new ArgumentOutOfRangeException(nameof(keyword)),
    };

    public static BilingualText Of(ExecutionLevel level) => level switch
    {
        ExecutionLevel.Green => new("Vert", "Green"),
        ExecutionLevel.Blue => new("Bleu", "Blue"),
        ExecutionLevel.Red => new("Rouge", "Red"),
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The word in one language (both are always written).</summary>
    public static string Of(StatusKeyword keyword, Language language) => Of(keyword).In(language)!;

    public static string Of(ExecutionLevel level, Language language) => Of(level).In(language)!;
}
