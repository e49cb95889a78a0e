using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Documents.Packages;
using WorkProgramme.Domain.Common;
using ActivityLabel = WorkProgramme.Domain.Activities.ActivityLabel;
using Section = WorkProgramme.Domain.Activities.Section;
using TableRow = WorkProgramme.Documents.Tables.TableRow;
using WordRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace WorkProgramme.Documents.Tables;

/// <summary>
/// Reads the programme table of a Word document in the template's layout: our own export, or a document like the
/// Secretariat's original. Tracked changes count as accepted (inserted text kept, deleted text and deleted rows
/// skipped); columns are found by their headers in French or English (footnote numbers after them do not matter);
/// a table split across pages continues with the last header seen. Rows whose number cell holds no number (the row of
/// questions under the headers, the EXAMPLE row) are not activities and are skipped.
/// </summary>
public static class WordTableReader
{
    /// <summary>The header is among a table's first rows (after a title row or two).</summary>
    internal const int HeaderSearchRows = 5;

    public static TableFile Read(byte[] file) =>
        ReadBody(file, Read, problem => new TableFile(Language.Fr, [], [problem], new HashSet<TableColumn>()));

    /// <summary>
    /// Reads the body of a Word file the package guard lets through; a refused file, one the SDK cannot read, or one
    /// <paramref name="read"/> finds nested too deep (<see cref="DocumentTooDeepException"/>) gives <paramref name="refused"/>
    /// its reason.
    /// </summary>
    internal static T ReadBody<T>(byte[] file, Func<Body?, T> read, Func<TableProblem, T> refused)
    {
        if (OfficePackageGuard.Check(file, OfficeKind.WordDocument) is { } reason)
        {
            return refused(TableProblem.File(reason));
        }

        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(file, writable: false), false, OfficePackageGuard.SdkSettings);
            return read(document.MainDocumentPart?.Document?.Body);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException
            or IOException or FormatException or KeyNotFoundException or ArgumentException or DocumentTooDeepException)
        {
            return refused(TableProblem.File("Le document ne peut pas être lu (fichier endommagé).", "The document cannot be read (damaged file)."));
        }
    }

    private static TableFile Read(Body? body)
    {
        var rows = new List<TableRow>();
        var headers = new ProgrammeHeaders();
        var section = Section.TimeBound;
        IReadOnlyDictionary<int, (TableColumn Column, Language Language)>? map = null;
        var tableNumber = 0;
        foreach (var block in body?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
        {
            if (block is Paragraph paragraph)
            {
                section = SectionHeading(CurrentText(paragraph)) ?? section;
                continue;
            }

            if (block is not Table table)
            {
                continue;
            }

            tableNumber++;
            var tableRows = table.Elements<WordRow>().ToList();
            var header = headers.Find(tableRows, HeaderSearchRows, HeaderCells);
            map = header?.Map ?? map;
            if (map is null)
            {
                continue;
            }

            var sheet = $"{ActivityLabel.SectionMark(section)} (table {tableNumber})";
            foreach (var (row, index) in tableRows.Select((r, i) => (r, i)).Where(r => r.i > (header?.Index ?? -1)))
            {
                if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
                {
                    continue;
                }

                var cells = new Dictionary<TableColumn, string>();
                foreach (var (gridColumn, cell) in GridCells(row))
                {
                    if (map.TryGetValue(gridColumn, out var column) && CellText(cell) is { Length: > 0 } text)
                    {
                        cells[column.Column] = text;
                    }
                }

                if (cells.TryGetValue(TableColumn.Number, out var number) && IsNumber(number))
                {
                    rows.Add(new TableRow(sheet, index + 1, section, cells));
                }
            }
        }

        return new TableFile(headers.Language, rows, map is null ? [ProgrammeHeaders.NoProgrammeTable] : [], new HashSet<TableColumn>(headers.Columns));
    }

    /// <summary>The section a paragraph outside the tables opens ("I. Activités…", "II. Permanent activities"), if any.</summary>
    internal static Section? SectionHeading(string text)
    {
        var key = ProgrammeTable.Normalise(text);
        if (key.StartsWith("ii ", StringComparison.Ordinal) && key.Contains("perman", StringComparison.Ordinal))
        {
            return Section.Permanent;
        }

        return key.StartsWith("i ", StringComparison.Ordinal) && key.Contains("activ", StringComparison.Ordinal) ? Section.TimeBound : null;
    }

    private static bool IsNumber(string text) => ProgrammeTable.ParseNumber(text) is not null;

    private static IEnumerable<(int, string?)> HeaderCells(WordRow row) =>
        GridCells(row).Select(c => (c.GridColumn, CellText(c.Cell)));

    /// <summary>Each cell with the grid column it starts in (merged cells span several).</summary>
    private static IEnumerable<(int GridColumn, TableCell Cell)> GridCells(WordRow row)
    {
        var gridColumn = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
        foreach (var cell in row.Elements<TableCell>())
        {
            yield return (gridColumn, cell);
            gridColumn += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
        }
    }

    private static string? CellText(TableCell cell)
    {
        var paragraphs = cell.Elements<Paragraph>().Select(CurrentText).Where(t => t.Length > 0).ToList();
        return paragraphs.Count == 0 ? null : string.Join("\n", paragraphs);
    }

    /// <summary>The paragraph's text with tracked changes accepted: inserted text in, deleted and moved-away text out.</summary>
    private static string CurrentText(OpenXmlElement paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (element.Ancestors().Any(a => a is DeletedRun or MoveFromRun))
            {
                continue;
            }

            switch (element)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}

/// <summary>A document nesting deeper than any a person writes: read as damaged.</summary>
internal sealed class DocumentTooDeepException : Exception
{
}
