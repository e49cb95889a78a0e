using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WorkProgramme.Documents.Packages;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Tables;

/// <summary>
/// Reads programme rows from a workbook in the layout <see cref="ProgrammeWorkbook"/> writes: one sheet per section,
/// columns found by their headers (French or English, in any order). The file is checked by
/// <see cref="OfficePackageGuard"/> first; formulas are never evaluated, only their cached text is read.
/// </summary>
public static class SpreadsheetReader
{
    private const int HeaderSearchRows = 10;
    private const int MaxRows = 5_000;

    public static TableFile Read(byte[] file)
    {
        if (OfficePackageGuard.Check(file, OfficeKind.Spreadsheet) is { } refused)
        {
            return Refused(TableProblem.File(refused));
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(file, writable: false), false, OfficePackageGuard.SdkSettings);
            return Read(document);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException
            or IOException or FormatException or KeyNotFoundException or ArgumentException)
        {
            return Refused(TableProblem.File("Le classeur ne peut pas être lu (fichier endommagé).", "The workbook cannot be read (damaged file)."));
        }
    }

    private static TableFile Read(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart;
        var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (workbookPart is null || sheets.Count == 0)
        {
            return Refused(TableProblem.File("Le classeur ne contient aucune feuille.", "The workbook holds no sheet."));
        }

        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<TableRow>();
        var problems = new List<TableProblem>();
        var headers = new ProgrammeHeaders();
        var programmeSheets = 0;
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var name = sheet.Name?.Value ?? $"#{index + 1}";
            if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            var grid = Grid(part, shared);
            if (headers.Find(grid, HeaderSearchRows, row => row.Value.Select(c => (c.Key, (string?)c.Value))) is not { } header)
            {
                continue;
            }

            programmeSheets++;
            var (headerRow, map) = (header.Row.Key, header.Map);
            var section = SectionOf(name, programmeSheets, map.Values.Any(v => v.Column == TableColumn.ExecutionLevel));
            foreach (var missing in new[] { TableColumn.Number, TableColumn.Activity }.Where(c => map.Values.All(v => v.Column != c)))
            {
                problems.Add(new TableProblem(name, headerRow, missing, new BilingualText(
                    "colonne obligatoire absente de la ligne d’en-tête", "required column missing from the header row")));
            }

            foreach (var (rowNumber, cells) in grid.Where(r => r.Key > headerRow).OrderBy(r => r.Key))
            {
                var byColumn = new Dictionary<TableColumn, string>();
                foreach (var (columnIndex, text) in cells)
                {
                    if (map.TryGetValue(columnIndex, out var column) && !string.IsNullOrWhiteSpace(text))
                    {
                        byColumn[column.Column] = text;
                    }
                }

                if (byColumn.Count > 0)
                {
                    rows.Add(new TableRow(name, rowNumber, section, byColumn));
                }
            }

            if (rows.Count > MaxRows)
            {
                return Refused(TableProblem.File($"Trop de lignes (au plus {MaxRows}).", $"Too many rows (at most {MaxRows})."));
            }
        }

        if (programmeSheets == 0)
        {
            problems.Add(TableProblem.File(
                "Aucune feuille n’a la ligne d’en-tête du programme (N°, Activités…) : partez du modèle téléchargeable.",
                "No sheet has the programme's header row (No., Activities…): start from the downloadable template."));
        }

        return new TableFile(headers.Language, rows, problems, new HashSet<TableColumn>(headers.Columns));
    }

    /// <summary>"II…" sheets are permanent activities, "I…" time-bound; otherwise the order decides (the template's).</summary>
    private static Section SectionOf(string sheetName, int position, bool hasExecutionLevel)
    {
        var name = sheetName.TrimStart();
        if (name.StartsWith("II", StringComparison.OrdinalIgnoreCase) || ProgrammeTable.Normalise(name).Contains("perman", StringComparison.Ordinal))
        {
            return Section.Permanent;
        }

        if (name.StartsWith("I.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("I ", StringComparison.OrdinalIgnoreCase))
        {
            return Section.TimeBound;
        }

        return position == 1 || hasExecutionLevel ? Section.TimeBound : Section.Permanent;
    }

    /// <summary>Row number → column index → text, for every non-empty cell of the sheet.</summary>
    private static SortedDictionary<int, Dictionary<int, string>> Grid(WorksheetPart part, string[] shared)
    {
        var grid = new SortedDictionary<int, Dictionary<int, string>>();
        var sheetData = part.Worksheet?.GetFirstChild<SheetData>();
        if (sheetData is null)
        {
            return grid;
        }

        var rowCounter = 0;
        foreach (var row in sheetData.Elements<Row>())
        {
            rowCounter = (int?)row.RowIndex?.Value ?? rowCounter + 1;
            var cells = new Dictionary<int, string>();
            var columnCounter = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                columnCounter = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : columnCounter + 1;
                var text = CellText(cell, shared);
                if (!string.IsNullOrWhiteSpace(text) && columnCounter >= 0)
                {
                    cells[columnCounter] = text;
                }
            }

            if (cells.Count > 0)
            {
                grid[rowCounter] = cells;
            }
        }

        return grid;
    }

    private static string? CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        var value = cell.CellValue?.Text;
        if (value is null)
        {
            return null;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length
                ? shared[index]
                : null;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "Oui" : "Non";
        }

        // Numbers: "12" rather than "12.0" when Excel stored a whole number as a double.
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
        }

        return letters is 0 or > 3 ? -1 : index - 1;
    }

    private static TableFile Refused(TableProblem problem) =>
        new(Language.Fr, [], [problem], new HashSet<TableColumn>());
}
