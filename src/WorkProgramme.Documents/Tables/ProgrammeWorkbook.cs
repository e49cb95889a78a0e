using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Documents.Tables;

/// <summary>
/// Writes the programme table as an Excel workbook: one sheet per section with the template's columns, a frozen header
/// row with filters, codes in their own columns, the execution level as a coloured cell that also says its word, and
/// the stable id last so a re-imported sheet finds its rows. Every text is an inline string, never a formula.
/// </summary>
public static class ProgrammeWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static class Styles
    {
        public const uint Header = 1;
        public const uint Text = 2;
        public const uint QuotedText = 3;
        public const uint Green = 4;
        public const uint Blue = 5;
        public const uint Red = 6;
        public const uint Number = 7;
    }

    private static readonly IReadOnlyDictionary<TableColumn, double> Widths = new Dictionary<TableColumn, double>
    {
        [TableColumn.Number] = 6, [TableColumn.Priority] = 10, [TableColumn.Link] = 11, [TableColumn.Activity] = 50,
        [TableColumn.StrategicPlan] = 14, [TableColumn.TaskType] = 16, [TableColumn.Body] = 18, [TableColumn.Resources] = 24,
        [TableColumn.Kpi] = 30, [TableColumn.Deadline] = 22, [TableColumn.Status] = 60, [TableColumn.ExecutionLevel] = 12,
        [TableColumn.Id] = 38,
    };

    /// <summary>Excel reads a list of choices written in the formula up to 255 characters, split at commas: a longer one, or one whose words hold a comma, is left out.</summary>
    private const int MaxListLength = 255;

    public static string SheetName(Section section, Language language) => (section, language) switch
    {
        (Section.TimeBound, Language.Fr) => "I. Délai spécifique",
        (Section.TimeBound, _) => "I. Time-bound",
        (_, Language.Fr) => "II. Permanentes",
        _ => "II. Permanent",
    };

    /// <summary>
    /// Writes the workbook; with no rows, it is the blank template to fill in. The task types (code and words, in the
    /// table's order) are the choices the task type column offers.
    /// </summary>
    public static byte[] Write(Language language, IReadOnlyList<ActivityRowView> rows, IReadOnlyList<CodeLabel> taskTypes)
    {
        ArgumentNullException.ThrowIfNull(taskTypes);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = new Sheets();
            var names = new DefinedNames();
            uint sheetId = 1;
            foreach (var section in Enum.GetValues<Section>())
            {
                var columns = ProgrammeTable.ColumnsOf(section);
                var sectionRows = rows.Where(r => r.Section == section && !r.IsDeleted).ToList();
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Sheet(language, section, columns, sectionRows, taskTypes, first: sheetId == 1);
                var name = SheetName(section, language);
                sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(worksheetPart) });
                var last = $"${ColumnName(columns.Count - 1)}${Math.Max(2, sectionRows.Count + 1)}";
                names.Append(new DefinedName($"'{name}'!$A$1:{last}") { Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true });
                names.Append(new DefinedName($"'{name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
                sheetId++;
            }

            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                sheets,
                names);
            document.PackageProperties.Title = language == Language.Fr ? "Programme de travail" : "Work programme";
        }

        return buffer.ToArray();
    }

    private static Worksheet Sheet(Language language, Section section, IReadOnlyList<TableColumn> columns, IReadOnlyList<ActivityRowView> rows,
        IReadOnlyList<CodeLabel> taskTypes, bool first)
    {
        var lastColumn = ColumnName(columns.Count - 1);
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(TextCell(i, 1, ProgrammeTable.Headers[columns[i]].In(language)!, Styles.Header));
        }

        FitHeight(header, columns);

        data.Append(header);
        uint rowIndex = 2;
        foreach (var row in rows)
        {
            var line = new Row { RowIndex = rowIndex };
            for (var i = 0; i < columns.Count; i++)
            {
                if (Cell(row, columns[i], language, i, rowIndex) is { } cell)
                {
                    line.Append(cell);
                }
            }

            FitHeight(line, columns);
            data.Append(line);
            rowIndex++;
        }

        var lastRow = Math.Max(2, rows.Count + 1);
        var listColumns = new List<(TableColumn Column, string List)>
        {
            (TableColumn.Priority, "\"A,B,C\""),
            (TableColumn.Link, language == Language.Fr ? "\"Oui,Non\"" : "\"Yes,No\""),
        };
        var taskTypeList = "\"" + string.Join(",", taskTypes.Select(t => t.Name.In(language))) + "\"";
        if (taskTypes.Count > 0 && taskTypeList.Length <= MaxListLength && !taskTypes.Any(t => t.Name.In(language)?.IndexOfAny([',', '"']) >= 0))
        {
            listColumns.Add((TableColumn.TaskType, taskTypeList));
        }

        var validations = new DataValidations();
        foreach (var (column, list) in listColumns)
        {
            var letter = ColumnName(columns.ToList().IndexOf(column));
            validations.Append(new DataValidation(new Formula1(list))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}1000" },
            });
        }

        validations.Count = (uint)listColumns.Count;
        // Rows carry no height: Excel and LibreOffice fit each row to its wrapped text. Printing fits the columns to the page width.
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = first }),
            new SheetFormatProperties { DefaultRowHeight = 13.8 },
            new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Widths[c], CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{lastRow}" },
            validations,
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
    }

    private static Cell? Cell(ActivityRowView row, TableColumn column, Language language, int index, uint rowIndex)
    {
        switch (column)
        {
            case TableColumn.Number:
                return row.Number is { } number
                    ? new Cell { CellReference = Reference(index, rowIndex), StyleIndex = Styles.Number, CellValue = new CellValue(number) }
                    : null;
            case TableColumn.ExecutionLevel:
                return row.Status?.ExecutionLevel is { } level
                    ? TextCell(index, rowIndex, StatusWords.Of(level, language), level switch
                    {
                        ExecutionLevel.Green => Styles.Green,
                        ExecutionLevel.Blue => Styles.Blue,
                        _ => Styles.Red,
                    })
                    : null;
            default:
                var text = Text(row, column, language);
                return string.IsNullOrEmpty(text) ? null : TextCell(index, rowIndex, text, Styles.Text);
        }
    }

    /// <summary>What a cell says, in the sheet's language; a text missing there shows the other one, marked "[FR]"/"[EN]".</summary>
    public static string? Text(ActivityRowView row, TableColumn column, Language language) => column switch
    {
        TableColumn.Number => row.Number?.ToString(CultureInfo.InvariantCulture),
        TableColumn.Priority => row.Priority?.ToString(),
        TableColumn.Link => row.LinkedToStrategicPlan is { } linked ? ProgrammeTable.YesNo(linked, language) : null,
        TableColumn.Activity => Localised(row.Title, language),
        TableColumn.StrategicPlan => Codes(row.PlanElements, language),
        TableColumn.TaskType => row.TaskType?.Name.In(language),
        TableColumn.Body => Codes(row.Bodies, language),
        TableColumn.Resources => Localised(row.Resources, language),
        TableColumn.Kpi => Localised(row.Kpi, language),
        TableColumn.Deadline => Localised(row.Deadline.Text, language),
        TableColumn.Status => Status(row.Status, language),
        TableColumn.ExecutionLevel => row.Status?.ExecutionLevel is { } level ? StatusWords.Of(level, language) : null,
        TableColumn.Id => row.ActivityId.ToString(),
        _ => null,
    };

    public static string? Localised(BilingualText text, Language language)
    {
        var shown = text.For(language);
        return shown.IsMissing ? null : shown.IsFallback ? ProgrammeTable.FallbackMark(shown.Language) + shown.Text : shown.Text;
    }

    private static string? Codes(IReadOnlyList<CodeLabel> codes, Language language) =>
        codes.Count == 0 ? null : string.Join(", ", codes.Select(c => c.Display.In(language) ?? c.Code));

    private static string? Status(StatusView? status, Language language)
    {
        if (status is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (status.Keyword is { } keyword)
        {
            parts.Add(StatusWords.Of(keyword, language));
        }

        foreach (var milestone in status.MilestonesReached)
        {
            var date = milestone.Date is { } day ? ProgrammeTable.Date(day, language) : null;
            parts.Add($"{date}{(date is null ? "" : language == Language.Fr ? " : " : ": ")}{Localised(milestone.Text, language)}");
        }

        if (Localised(status.Narrative, language) is { } narrative)
        {
            parts.Add(narrative);
        }

        if (Localised(status.NextSteps, language) is { } next)
        {
            parts.Add((language == Language.Fr ? "Prochaines étapes : " : "Next steps: ") + next);
        }

        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    /// <summary>
    /// Spreadsheet programs do not grow rows to wrapped text when they open a file: estimate each row's height from its
    /// longest cell (characters per line from the column width, one line per paragraph at least).
    /// </summary>
    private static void FitHeight(Row row, IReadOnlyList<TableColumn> columns)
    {
        var lines = 1;
        foreach (var cell in row.Elements<Cell>())
        {
            var text = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
            var index = ColumnIndex(cell.CellReference!.Value!);
            var perLine = Math.Max(1, (int)(Widths[columns[index]] * 1.15));
            lines = Math.Max(lines, text.Split('\n').Sum(paragraph => Math.Max(1, (int)Math.Ceiling(paragraph.Length / (double)perLine))));
        }

        row.Height = Math.Min(409, (lines * 12.75) + 2);
        row.CustomHeight = true;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static Cell TextCell(int index, uint rowIndex, string text, uint style)
    {
        var clean = XmlSafe(text);
        // A text that a spreadsheet would read as a formula keeps Excel's own "quote prefix" mark: shown and re-saved as text.
        var quoted = style == Styles.Text && clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        return new Cell(new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(index, rowIndex),
            DataType = CellValues.InlineString,
            StyleIndex = quoted ? Styles.QuotedText : style,
        };
    }

    /// <summary>Characters XML 1.0 cannot carry are dropped rather than failing the whole export.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray())
            : text;

    private static string Reference(int index, uint row) => ColumnName(index) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet()
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var top = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true };
        var centre = new Alignment { Vertical = VerticalAlignmentValues.Top, Horizontal = HorizontalAlignmentValues.Center, WrapText = true };
        CellFormat Format(uint font, uint fill, uint border, Alignment alignment, bool quote = false) => new(alignment.CloneNode(true))
        {
            NumberFormatId = 0, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
            ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyAlignment = true,
            QuotePrefix = quote ? true : null,
        };

        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 10 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9D9D9"), Solid("FF00B050"), Solid("FF0070C0"), Solid("FFC00000")) { Count = 6 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(1, 2, 1, new Alignment { Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center, WrapText = true }),
                Format(0, 0, 1, top),
                Format(0, 0, 1, top, quote: true),
                Format(2, 3, 1, centre),
                Format(2, 4, 1, centre),
                Format(2, 5, 1, centre),
                Format(0, 0, 1, centre)) { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
