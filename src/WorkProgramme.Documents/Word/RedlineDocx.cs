using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Documents.Diff;
using Language = WorkProgramme.Domain.Common.Language;
using TableColumn = WorkProgramme.Documents.Tables.TableColumn;

namespace WorkProgramme.Documents.Word;

/// <summary>What a redline holds, counted from the tracked changes it writes.</summary>
/// <param name="InsertedRows">Rows only in the newer version (a tracked row insertion).</param>
/// <param name="DeletedRows">Rows only in the older version (a tracked row deletion, their text in w:delText).</param>
/// <param name="RenumberedRows">Rows in both whose number changed (old number deleted, new one inserted).</param>
/// <param name="RewordedRows">Rows in both with a change in a column other than the number, status and execution level.</param>
/// <param name="StatusChangedRows">Rows in both whose status or execution level changed.</param>
/// <param name="Insertions">Tracked insertions (w:ins around runs), rows' contents included.</param>
/// <param name="Deletions">Tracked deletions (w:del around runs), rows' contents included.</param>
public sealed record RedlineSummary(int InsertedRows, int DeletedRows, int RenumberedRows, int RewordedRows, int StatusChangedRows,
    int Insertions, int Deletions);

/// <summary>
/// Writes the annex of the newer version with Word's own tracked changes against the older one: the document is exactly
/// what <see cref="AnnexDocx"/> writes for the newer version, except that each section's activity rows are those of both
/// versions, paired by stable activity id, with every cell's difference (<see cref="TextDiff"/>, word by word) as
/// w:ins/w:del runs; a row only in the newer version is an inserted row (w:trPr/w:ins), a row only in the older one a
/// deleted row (w:trPr/w:del); a changed execution level also records the old cell shading (w:tcPrChange). Never moves:
/// a row whose place cannot be kept is deleted where it stood and inserted where it stands.
/// </summary>
public static class RedlineDocx
{
    public static RedlineSummary Write(AnnexDocument older, AnnexDocument newer, string author, DateTime date, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.Language != newer.Language)
        {
            throw new ArgumentException("Both versions must be in the same language.", nameof(older));
        }

        var writer = new Writer(older, newer.Language, author, date);
        AnnexDocx.Write(newer, stream, writer.Rows);
        return writer.Summary;
    }

    /// <summary>
    /// The rows of both versions in one order: the longest run of rows kept in the same order is paired; what is left of
    /// the older version is deleted where it stood, of the newer inserted where it stands (deletions first).
    /// </summary>
    internal static List<(AnnexRow? Old, AnnexRow? New)> Merge(IReadOnlyList<AnnexRow> older, IReadOnlyList<AnnexRow> newer)
    {
        var n = older.Count;
        var m = newer.Count;
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = older[i].ActivityId == newer[j].ActivityId
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var merged = new List<(AnnexRow?, AnnexRow?)>(n + m);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && older[x].ActivityId == newer[y].ActivityId)
            {
                merged.Add((older[x++], newer[y++]));
            }
            else if (y == m || (x < n && common[x + 1, y] >= common[x, y + 1]))
            {
                merged.Add((older[x++], null));
            }
            else
            {
                merged.Add((null, newer[y++]));
            }
        }

        return merged;
    }

    private sealed class Writer(AnnexDocument older, Language language, string author, DateTime date)
    {
        private int nextId = 1;
        private int insertedRows;
        private int deletedRows;
        private int renumbered;
        private int reworded;
        private int statusChanged;
        private int insertions;
        private int deletions;

        public RedlineSummary Summary => new(insertedRows, deletedRows, renumbered, reworded, statusChanged, insertions, deletions);

        public IEnumerable<TableRow> Rows(AnnexSection section)
        {
            var oldSection = older.Sections.Single(s => s.Section == section.Section);
            var rows = new List<TableRow>();
            foreach (var (oldRow, newRow) in Merge(oldSection.Rows, section.Rows))
            {
                rows.Add((oldRow, newRow) switch
                {
                    (null, { } added) => Whole(added, section, ChangeKind.Inserted),
                    ({ } retired, null) => Whole(retired, oldSection, ChangeKind.Deleted),
                    _ => Paired(oldRow!, oldSection, newRow!, section),
                });
            }

            return rows;
        }

        /// <summary>A row of one version only: the row and all its text inserted (or deleted).</summary>
        private TableRow Whole(AnnexRow row, AnnexSection section, ChangeKind kind)
        {
            var tableRow = AnnexDocx.Row(row, section, language);
            var properties = tableRow.GetFirstChild<TableRowProperties>()!;
            if (kind == ChangeKind.Inserted)
            {
                properties.Append(Stamp(new Inserted()));
                insertedRows++;
            }
            else
            {
                properties.Append(Stamp(new Deleted()));
                deletedRows++;
            }

            var cells = tableRow.Elements<TableCell>().ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = row.Cells[i];
                var text = cell.PlainText;
                IReadOnlyList<TextChange> pieces = text.Length == 0 ? [] : [new TextChange(kind, text)];
                Fill(cells[i], kind == ChangeKind.Deleted ? cell : AnnexCell.Empty, kind == ChangeKind.Deleted ? AnnexCell.Empty : cell, pieces);
            }

            return tableRow;
        }

        /// <summary>A row of both versions: the newer row, each changed cell rewritten with its tracked changes.</summary>
        private TableRow Paired(AnnexRow oldRow, AnnexSection oldSection, AnnexRow newRow, AnnexSection section)
        {
            var tableRow = AnnexDocx.Row(newRow, section, language);
            var cells = tableRow.Elements<TableCell>().ToList();
            var oldCells = (TableRow?)null;
            bool number = false, words = false, status = false;
            for (var i = 0; i < section.Columns.Count; i++)
            {
                var column = section.Columns[i];
                var oldCell = oldRow.Cells[i];
                var newCell = newRow.Cells[i];
                var pieces = column == TableColumn.Number
                    ? Replacement(oldCell.PlainText, newCell.PlainText)
                    : TextDiff.Compute(oldCell.PlainText, newCell.PlainText);
                var changed = pieces.HasChanges();
                if (changed)
                {
                    Fill(cells[i], oldCell, newCell, pieces);
                }

                if (oldCell.Shading != newCell.Shading)
                {
                    // The level's colour is a cell property: record the old one so rejecting restores it.
                    oldCells ??= AnnexDocx.Row(oldRow, oldSection, language);
                    var previous = oldCells.Elements<TableCell>().ElementAt(i).TableCellProperties!;
                    cells[i].TableCellProperties!.Append(Stamp(new TableCellPropertiesChange(
                        new PreviousTableCellProperties(previous.ChildElements.Select(e => e.CloneNode(true))))));
                    changed = true;
                }

                if (!changed)
                {
                    continue;
                }

                switch (column)
                {
                    case TableColumn.Number:
                        number = true;
                        break;
                    case TableColumn.Status or TableColumn.ExecutionLevel:
                        status = true;
                        break;
                    default:
                        words = true;
                        break;
                }
            }

            renumbered += number ? 1 : 0;
            reworded += words ? 1 : 0;
            statusChanged += status ? 1 : 0;
            return tableRow;
        }

        /// <summary>A number is replaced whole: "12." deleted, "11." inserted.</summary>
        private static IReadOnlyList<TextChange> Replacement(string oldText, string newText)
        {
            if (oldText == newText)
            {
                return oldText.Length == 0 ? [] : [new TextChange(ChangeKind.Unchanged, oldText)];
            }

            var pieces = new List<TextChange>();
            if (oldText.Length > 0)
            {
                pieces.Add(new TextChange(ChangeKind.Deleted, oldText));
            }

            if (newText.Length > 0)
            {
                pieces.Add(new TextChange(ChangeKind.Inserted, newText));
            }

            return pieces;
        }

        /// <summary>
        /// Replaces the cell's paragraphs with the pieces: each piece's text keeps the formatting of the runs it comes
        /// from (the older cell's for deleted text, the newer's otherwise); a line break in a piece ends a paragraph whose
        /// mark is inserted or deleted with it, so accepting or rejecting joins the paragraphs back as each version had them.
        /// </summary>
        private void Fill(TableCell cell, AnnexCell oldCell, AnnexCell newCell, IReadOnlyList<TextChange> pieces)
        {
            var template = cell.Elements<Paragraph>().First().ParagraphProperties;
            var white = cell.TableCellProperties?.Shading is not null;
            cell.RemoveAllChildren<Paragraph>();
            var oldMap = new TextMap(oldCell);
            var newMap = new TextMap(newCell);
            int oldAt = 0, newAt = 0;
            var current = NewParagraph(template);
            foreach (var piece in pieces)
            {
                var (map, start) = piece.Kind == ChangeKind.Deleted ? (oldMap, oldAt) : (newMap, newAt);
                var text = piece.Text;
                var from = 0;
                while (true)
                {
                    var lineEnd = text.IndexOf('\n', from);
                    var end = lineEnd < 0 ? text.Length : lineEnd;
                    foreach (var run in map.Cut(start + from, start + end))
                    {
                        current.Append(Tracked(AnnexDocx.Run(run, language, white: white), piece.Kind));
                    }

                    if (lineEnd < 0)
                    {
                        break;
                    }

                    Mark(current, piece.Kind);
                    cell.Append(current);
                    current = NewParagraph(template);
                    from = lineEnd + 1;
                }

                oldAt += piece.Kind == ChangeKind.Inserted ? 0 : text.Length;
                newAt += piece.Kind == ChangeKind.Deleted ? 0 : text.Length;
            }

            cell.Append(current);
        }

        private static Paragraph NewParagraph(ParagraphProperties? template) =>
            new((ParagraphProperties?)template?.CloneNode(true) ?? new ParagraphProperties());

        /// <summary>The paragraph mark of a line break that only one version has.</summary>
        private void Mark(Paragraph paragraph, ChangeKind kind)
        {
            if (kind == ChangeKind.Unchanged)
            {
                return;
            }

            paragraph.ParagraphProperties!.Append(new ParagraphMarkRunProperties(
                kind == ChangeKind.Inserted ? Stamp(new Inserted()) : Stamp(new Deleted())));
        }

        private OpenXmlElement Tracked(Run run, ChangeKind kind)
        {
            switch (kind)
            {
                case ChangeKind.Inserted:
                    insertions++;
                    return Stamp(new InsertedRun(run));
                case ChangeKind.Deleted:
                    deletions++;
                    foreach (var text in run.Elements<Text>().ToList())
                    {
                        text.InsertBeforeSelf(new DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve });
                        text.Remove();
                    }

                    return Stamp(new DeletedRun(run));
                default:
                    return run;
            }
        }

        /// <summary>Every tracked change carries a document-wide unique id, its author and its date (w:id, w:author, w:date).</summary>
        private T Stamp<T>(T change)
            where T : OpenXmlElement
        {
            const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
            change.SetAttribute(new OpenXmlAttribute("w", "id", W, (nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            change.SetAttribute(new OpenXmlAttribute("w", "author", W, author));
            change.SetAttribute(new OpenXmlAttribute("w", "date", W, date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
            return change;
        }
    }

    /// <summary>A cell's text as one string (paragraphs joined by line breaks) and the run each character comes from.</summary>
    private sealed class TextMap
    {
        private readonly List<(int Start, AnnexRun Run)> runs = [];

        public TextMap(AnnexCell cell)
        {
            var offset = 0;
            foreach (var (paragraph, index) in cell.Paragraphs.Select((p, i) => (p, i)))
            {
                offset += index > 0 ? 1 : 0;
                foreach (var run in paragraph.Runs)
                {
                    if (run.Text.Contains('\n', StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("A run of the annex holds a line break; paragraphs separate lines.");
                    }

                    runs.Add((offset, run));
                    offset += run.Text.Length;
                }
            }
        }

        /// <summary>The runs (cut to size) that hold the characters from <paramref name="from"/> to <paramref name="to"/>.</summary>
        public IEnumerable<AnnexRun> Cut(int from, int to)
        {
            foreach (var (start, run) in runs)
            {
                var end = start + run.Text.Length;
                var a = Math.Max(from, start);
                var b = Math.Min(to, end);
                if (a < b)
                {
                    yield return run with { Text = run.Text[(a - start)..(b - start)] };
                }
            }
        }
    }
}
