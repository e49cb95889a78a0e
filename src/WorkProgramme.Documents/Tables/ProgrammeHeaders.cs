using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Tables;

/// <summary>
/// The programme's header rows as a reader finds them in one file (sheets of a workbook, tables of a Word document):
/// which row of a table is the header, what column each position holds, every column named and the language most
/// headers are written in. The workbook and both Word readers find headers this one way.
/// </summary>
internal sealed class ProgrammeHeaders
{
    /// <summary>Fewer recognised headers than this and the row is not the programme's header row.</summary>
    private const int MinimumColumns = 3;

    private readonly Dictionary<Language, int> votes = new() { [Language.Fr] = 0, [Language.En] = 0 };
    private readonly HashSet<TableColumn> columns = [];

    /// <summary>Every column a header row found so far names.</summary>
    public IReadOnlySet<TableColumn> Columns => columns;

    /// <summary>The language most recognised headers are written in; French when they are as many.</summary>
    public Language Language => votes[Language.En] > votes[Language.Fr] ? Language.En : Language.Fr;

    /// <summary>The Word readers' refusal when no table has the programme's headers.</summary>
    public static TableProblem NoProgrammeTable => TableProblem.File(
        "Aucun tableau du document n’a les en-têtes du programme (N°, Activités…).",
        "No table of the document has the programme's headers (No., Activities…).");

    /// <summary>
    /// The header among the first <paramref name="searched"/> rows: the first row one of whose readings (its cells'
    /// texts by position, tried in order) names three columns or more; its columns and languages are counted. Null when
    /// no row does.
    /// </summary>
    public Header<TRow>? Find<TRow>(IEnumerable<TRow> rows, int searched, params Func<TRow, IEnumerable<(int Position, string? Text)>>[] readings)
    {
        foreach (var (row, index) in rows.Take(searched).Select((r, i) => (r, i)))
        {
            foreach (var reading in readings)
            {
                var map = Map(reading(row));
                if (map.Count < MinimumColumns)
                {
                    continue;
                }

                foreach (var (column, language) in map.Values)
                {
                    columns.Add(column);
                    votes[language]++;
                }

                return new Header<TRow>(row, index, map);
            }
        }

        return null;
    }

    /// <summary>Each position whose text is a header, with its column and language; a column is taken once, first left.</summary>
    private static Dictionary<int, (TableColumn Column, Language Language)> Map(IEnumerable<(int Position, string? Text)> cells)
    {
        var map = new Dictionary<int, (TableColumn Column, Language Language)>();
        foreach (var (position, text) in cells)
        {
            if (ProgrammeTable.Recognise(text) is { } recognised && map.Values.All(v => v.Column != recognised.Column))
            {
                map[position] = recognised;
            }
        }

        return map;
    }
}

/// <summary>A header row: the row, its place among the rows searched, and each position's column and language.</summary>
internal sealed record Header<TRow>(TRow Row, int Index, IReadOnlyDictionary<int, (TableColumn Column, Language Language)> Map);
