using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using Section = WorkProgramme.Domain.Activities.Section;

namespace WorkProgramme.Documents.Tables;

/// <summary>How a row of a tracked-changes table reads across its two versions.</summary>
public enum RowReading
{
    Kept,
    Renumbered,
    Added,
    Retired,
}

/// <summary>
/// Both versions of the table as the document shows them: OLD = every change rejected, NEW = every change accepted.
/// </summary>
public sealed record TrackedTable(Language Language, IReadOnlyList<TrackedRow> Rows, IReadOnlyList<TableProblem> Problems,
    IReadOnlySet<TableColumn> Columns);

/// <summary>
/// One activity row: its cells in each version (Old null when Added, New null when Retired), the execution level each
/// version's shading gives (null = no colour), and what the reader could not decide (null when nothing).
/// </summary>
public sealed record TrackedRow(Section Section, int RowNumber, RowReading Reading, TableRow? Old, TableRow? New,
    ExecutionLevel? OldLevel, ExecutionLevel? NewLevel, BilingualText? Doubt);

/// <summary>Reads the programme table of a Word document with its tracked changes: both versions, row by row.</summary>
public static class TrackedTableReader
{
    public static TrackedTable Read(byte[] file)
    {
        _ = file;
        return new TrackedTable(Language.Fr, [], [TableProblem.File("Pas encore lu.", "Not read yet.")], new HashSet<TableColumn>());
    }
}
