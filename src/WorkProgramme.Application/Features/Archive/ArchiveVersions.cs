using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Archive;

/// <summary>
/// The rows of a tracked-changes table written into the two versions: each row's activity id (the same in OLD and
/// NEW unless the row was added), its number in each version, its cells mapped as every table import maps them
/// (<see cref="ImportCellMapper"/>), and the cells that cannot be stored. No template rule is checked here: the
/// archive is kept as it was adopted.
/// </summary>
internal sealed class ArchiveVersions(TrackedTable table, CodeBook codes)
{
    private readonly Guid?[] ids = new Guid?[table.Rows.Count];
    private readonly (int? Old, int? New)[] numbers = new (int?, int?)[table.Rows.Count];

    public List<TableProblem> Problems { get; } = [];

    public (int? Old, int? New) Numbers(int index) => numbers[index];

    /// <summary>OLD: every row the document had before its changes, in its order; the new activities' ids.</summary>
    public List<Guid> FillOld(ProgrammeVersion version)
    {
        var created = new List<Guid>();
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var row = table.Rows[index];
            if (row.Reading == RowReading.Added)
            {
                continue;
            }

            if (row.Old is not { } cells)
            {
                Problem(row, null, "la ligne n’a pas de contenu dans la version ancienne", "the row has no content in the old version");
                continue;
            }

            var number = Number(row, cells, version.Activities.Count(a => a.Section == row.Section) + 1);
            var (content, _) = Map(row, cells, new ActivityContent { Section = row.Section }, version);
            var id = Guid.NewGuid();
            ids[index] = id;
            numbers[index] = (number, null);
            Add(row, () => version.AddActivity(id, content with { Number = number, PreviousNumber = null, Revision = RevisionKind.Unchanged }));
            created.Add(id);
        }

        return created;
    }

    /// <summary>
    /// NEW, a revision of OLD: kept rows reworded where a cell differs, renumbered rows with their new number, retired
    /// rows retired, added rows new activities; every row in the document's order. The added activities' ids.
    /// </summary>
    public List<Guid> FillNew(ProgrammeVersion revision)
    {
        var created = new List<Guid>();
        var order = new List<Guid>();
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var row = table.Rows[index];
            if (row.Reading == RowReading.Added)
            {
                if (row.New is not { } added)
                {
                    Problem(row, null, "la ligne ajoutée n’a pas de contenu", "the added row has no content");
                    continue;
                }

                var id = Guid.NewGuid();
                var number = Number(row, added, null);
                var (content, _) = Map(row, added, new ActivityContent { Section = row.Section }, revision);
                ids[index] = id;
                numbers[index] = (null, number);
                Add(row, () => revision.AddActivity(id, content with { Number = number, PreviousNumber = null, Revision = RevisionKind.New }));
                created.Add(id);
                order.Add(id);
                continue;
            }

            if (ids[index] is not { } kept || revision.Activities.SingleOrDefault(a => a.ActivityId == kept) is not { } copy)
            {
                continue;
            }

            order.Add(kept);
            var previous = copy.PreviousNumber;
            if (row.Reading == RowReading.Retired || row.New is null)
            {
                Add(row, () => revision.ReviseActivity(kept, copy.Content with { Number = null, PreviousNumber = previous, Revision = RevisionKind.Deleted }));
                continue;
            }

            var renumbered = Number(row, row.New, previous);
            var (reworded, changed) = Map(row, row.New, copy.Content, revision);
            var kind = changed.Count > 0 ? RevisionKind.Reworded : renumbered != previous ? RevisionKind.Renumbered : RevisionKind.Unchanged;
            numbers[index] = (previous, renumbered);
            Add(row, () => revision.ReviseActivity(kept, reworded with { Number = renumbered, PreviousNumber = previous, Revision = kind }));
        }

        revision.Reorder(order);
        return created;
    }

    /// <summary>
    /// Each row's status in one version as that version's report for <paramref name="session"/>, published: the cell's
    /// first line is the keyword when it is one of footnote 6's, the rest the narrative; the level is the cell's colour.
    /// </summary>
    public IEnumerable<StatusReport> Reports(string session, Func<TrackedRow, (TableRow? Cells, ExecutionLevel? Level)> side)
    {
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var (cells, level) = side(table.Rows[index]);
            if (ids[index] is not { } id || cells is null || (cells.Cell(TableColumn.Status) is null && level is null))
            {
                continue;
            }

            var (keyword, narrative) = Status(cells.Cell(TableColumn.Status));
            var report = new StatusReport(id, session);
            report.Record(keyword, false, narrative, BilingualText.Empty, [], level);
            report.Publish();
            yield return report;
        }
    }

    private (StatusKeyword? Keyword, BilingualText Narrative) Status(string? text)
    {
        if (text is null)
        {
            return (null, BilingualText.Empty);
        }

        var lines = text.Split('\n', 2);
        var keyword = Enum.GetValues<StatusKeyword>().Cast<StatusKeyword?>()
            .FirstOrDefault(k => ProgrammeTable.Normalise(lines[0]) == ProgrammeTable.Normalise(StatusWords.Of(k!.Value, table.Language)));
        var narrative = keyword is null ? text : lines.Length > 1 ? lines[1] : null;
        return (keyword, table.Language == Language.Fr ? new BilingualText(narrative, null) : new BilingualText(null, narrative));
    }

    private (ActivityContent Content, List<TableColumn> Changed) Map(TrackedRow row, TableRow cells, ActivityContent stored, ProgrammeVersion version) =>
        ImportCellMapper.Map(cells, stored, version, table.Language, codes, (column, fr, en) => Problems.Add(new TableProblem(cells.Sheet, row.RowNumber, column, new(fr, en))));

    /// <summary>The number the cell gives; <paramref name="otherwise"/> when it gives none (a row the archive left unnumbered).</summary>
    private static int? Number(TrackedRow row, TableRow cells, int? otherwise) =>
        ProgrammeTable.ParseNumber(cells.Cell(TableColumn.Number)) ?? otherwise;

    private void Add(TrackedRow row, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException refused)
        {
            Problems.Add(new TableProblem((row.New ?? row.Old)?.Sheet, row.RowNumber, null, refused.Messages));
        }
    }

    private void Problem(TrackedRow row, TableColumn? column, string fr, string en) =>
        Problems.Add(new TableProblem((row.New ?? row.Old)?.Sheet, row.RowNumber, column, new BilingualText(fr, en)));
}
