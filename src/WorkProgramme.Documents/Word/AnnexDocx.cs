using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.StatusReports;
using Language = WorkProgramme.Domain.Common.Language;
using TableColumn = WorkProgramme.Documents.Tables.TableColumn;

namespace WorkProgramme.Documents.Word;

/// <summary>
/// Writes an <see cref="AnnexDocument"/> as the template's Word document: A4 landscape, running header with the page label
/// as a PAGE field, one table per section with its heading row repeated on every page, rows kept whole unless taller than a
/// share of the page, the column footnotes as Word footnotes and the execution level as a shaded cell; when asked for, the
/// deadline slippage table on a page of its own after the programme. Element order follows the schema: the validator (and Word) reject anything else.
/// </summary>
public static class AnnexDocx
{
    private const string Font = "Times New Roman";
    private const int BodySize = 18; // half-points: 9 pt, as the template's table
    private const int QuestionSize = 16;
    private const int ExampleLabelSize = 14; // "EXEMPLE" fits the number column on one line
    private const int PageWidth = 16838; // A4 landscape, in twentieths of a point
    private const int PageHeight = 11906;
    private const int SideMargin = 851;
    private const int TableWidth = PageWidth - (2 * SideMargin);

    // The status column gets what the others leave: it holds the longest texts. Narrow columns fit "EXEMPLE" and "Développement".
    private static readonly Dictionary<TableColumn, int> TimeBoundWidths = new()
    {
        [TableColumn.Number] = 860, [TableColumn.Priority] = 780, [TableColumn.Link] = 1060, [TableColumn.Activity] = 1640,
        [TableColumn.StrategicPlan] = 1060, [TableColumn.TaskType] = 1300, [TableColumn.Body] = 1100, [TableColumn.Resources] = 1100,
        [TableColumn.Kpi] = 1300, [TableColumn.Deadline] = 1000, [TableColumn.Status] = 2636, [TableColumn.ExecutionLevel] = 1300,
    };

    private static readonly Dictionary<TableColumn, int> PermanentWidths = new()
    {
        [TableColumn.Number] = 860, [TableColumn.Priority] = 780, [TableColumn.Link] = 1060, [TableColumn.Activity] = 2000,
        [TableColumn.StrategicPlan] = 1100, [TableColumn.TaskType] = 1300, [TableColumn.Body] = 1100, [TableColumn.Resources] = 1200,
        [TableColumn.Kpi] = 1650, [TableColumn.Deadline] = 1000, [TableColumn.Status] = 3086,
    };

    // The height of the page's text area (A4 landscape less the top and bottom margins), in twentieths of a point.
    private const int TextHeight = PageHeight - 1134 - 851;

    /// <summary>
    /// An activity row whose estimated height is more than this share of the page may break across pages: kept whole, it
    /// would leave most of a page empty before it. Shorter rows stay whole, as the template's.
    /// </summary>
    public const double SplittableShareOfPage = 0.25;

    // Times New Roman 9 pt: an average character is about 0.45 em wide, a line about 1.15 em high (in twentieths of a point).
    private const double CharacterWidth = BodySize * 10 * 0.45;
    private const double LineHeight = BodySize * 10 * 1.15;
    private const int CellSideMargins = 2 * 57;
    private const int CellTopBottomMargins = 2 * 28;

    // The slippage table: number, activity, first deadline, latest deadline, moves, months; the same total width.
    private static readonly int[] SlippageWidths = [900, 5436, 3300, 3300, 1000, 1200];

    public static void Write(AnnexDocument annex, Stream stream) => Write(annex, stream, activityRows: null);

    /// <summary>
    /// The document, with the activity rows of each section written by <paramref name="activityRows"/> when given: a
    /// redline keeps everything else (page, headers, template rows, footnotes) exactly as the plain export writes it.
    /// </summary>
    public static void Write(AnnexDocument annex, Stream stream, Func<AnnexSection, IEnumerable<TableRow>>? activityRows)
    {
        using var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = annex.RunningTitle;
        package.PackageProperties.Language = LanguageTag(annex.Language);
        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(annex.Language);
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }));
        main.AddNewPart<FootnotesPart>().Footnotes = Footnotes(annex);

        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(
            HeaderLine(annex.RunningHeader, JustificationValues.Right),
            PageLabel(annex.PageLabelPrefix));
        var runningHeader = main.AddNewPart<HeaderPart>();
        runningHeader.Header = new Header(
            HeaderLine(annex.RunningHeader, JustificationValues.Right),
            HeaderLine(annex.RunningTitle, JustificationValues.Center, bold: true),
            PageLabel(annex.PageLabelPrefix));

        var body = Body(annex, activityRows);
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(runningHeader) },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1134, Bottom = 851, Left = SideMargin, Right = SideMargin, Header = 454, Footer = 454, Gutter = 0 },
            new TitlePage()));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>
    /// The document's body without its section properties (which refer to the package's header parts): what the
    /// redline's self-check compares a redline with, without writing and re-reading a package.
    /// </summary>
    public static Body Body(AnnexDocument annex, Func<AnnexSection, IEnumerable<TableRow>>? activityRows = null)
    {
        ArgumentNullException.ThrowIfNull(annex);
        var body = new Body();
        body.Append(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new Bold(), new FontSize { Val = "24" }), TextOf(annex.FirstPageTitle))));
        foreach (var (section, index) in annex.Sections.Select((s, i) => (s, i)))
        {
            body.Append(SectionHeading(section.Heading, newPage: index > 0));
            body.Append(Table(section, annex.Language, activityRows));
        }

        if (annex.Slippage is { } slippage)
        {
            body.Append(SectionHeading(slippage.Heading, newPage: true));
            body.Append(slippage.Notes.Select(Note));
            if (slippage.Rows.Count > 0)
            {
                body.Append(SlippageTable(slippage, annex.Language));
            }
        }

        body.Append(new Paragraph());
        return body;
    }

    /// <summary>One row of a section's table; the redline of a revision wraps what this returns.</summary>
    public static TableRow Row(AnnexRow row, AnnexSection section, Language documentLanguage)
    {
        var properties = new TableRowProperties();
        if (KeptWhole(row, section))
        {
            properties.Append(new CantSplit());
        }

        if (row.Kind == AnnexRowKind.Header)
        {
            properties.Append(new TableHeader());
        }

        var widths = WidthsOf(section.Section);
        var tableRow = new TableRow(properties);
        for (var i = 0; i < section.Columns.Count; i++)
        {
            tableRow.Append(Cell(row.Cells[i], section.Columns[i], widths[section.Columns[i]], row.Kind, documentLanguage));
        }

        return tableRow;
    }

    /// <summary>
    /// Whether a row is kept on one page: the template's rows always, an activity row unless its estimated height is more
    /// than <see cref="SplittableShareOfPage"/> of the page.
    /// </summary>
    public static bool KeptWhole(AnnexRow row, AnnexSection section) =>
        row.Kind != AnnexRowKind.Activity || EstimatedHeight(row, section) <= SplittableShareOfPage * TextHeight;

    /// <summary>
    /// A row's height estimated from its text: in each cell, the lines each paragraph takes at the column's width; the
    /// tallest cell sets the row's height (in twentieths of a point).
    /// </summary>
    public static double EstimatedHeight(AnnexRow row, AnnexSection section)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(section);
        var widths = WidthsOf(section.Section);
        var tallest = 0.0;
        for (var i = 0; i < section.Columns.Count && i < row.Cells.Count; i++)
        {
            var charactersPerLine = Math.Max(1, (int)((widths[section.Columns[i]] - CellSideMargins) / CharacterWidth));
            var lines = row.Cells[i].Paragraphs.Sum(p => Math.Max(1, (int)Math.Ceiling(p.PlainText.Length / (double)charactersPerLine)));
            tallest = Math.Max(tallest, lines * LineHeight);
        }

        return tallest + CellTopBottomMargins;
    }

    public static Run Run(AnnexRun run, Language documentLanguage, int size = BodySize, bool white = false)
    {
        if (run.Kind == AnnexRunKind.FootnoteReference)
        {
            return new Run(
                new RunProperties(new RunStyle { Val = "FootnoteReference" }),
                new FootnoteReference { Id = long.Parse(run.Text, System.Globalization.CultureInfo.InvariantCulture) });
        }

        var properties = new RunProperties();
        if (run.Bold)
        {
            properties.Append(new Bold());
        }

        if (run.Italic)
        {
            properties.Append(new Italic());
        }

        if (white)
        {
            properties.Append(new Color { Val = "FFFFFF" });
        }

        if (size != BodySize)
        {
            properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (run.Kind == AnnexRunKind.FallbackMarker)
        {
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }

        if (run.Language != documentLanguage)
        {
            properties.Append(new Languages { Val = LanguageTag(run.Language) });
        }

        return new Run(properties, TextOf(run.Text));
    }

    private static Table Table(AnnexSection section, Language language, Func<AnnexSection, IEnumerable<TableRow>>? activityRows)
    {
        var widths = WidthsOf(section.Section);
        var table = EmptyTable(section.Columns.Select(c => widths[c]));
        table.Append(Row(section.HeaderRow, section, language));
        table.Append(Row(section.QuestionRow, section, language));
        table.Append(Row(section.ExampleRow, section, language));
        table.Append(activityRows is null ? section.Rows.Select(row => Row(row, section, language)) : activityRows(section));

        return table;
    }

    /// <summary>The slippage table, drawn like the programme's: heading row repeated on every page, rows kept whole.</summary>
    private static Table SlippageTable(AnnexSlippage slippage, Language language)
    {
        var table = EmptyTable(SlippageWidths);
        foreach (var row in slippage.Rows.Prepend(slippage.HeaderRow))
        {
            var properties = new TableRowProperties(new CantSplit());
            if (row.Kind == AnnexRowKind.Header)
            {
                properties.Append(new TableHeader());
            }

            table.Append(new TableRow([
                properties,
                .. row.Cells.Select((cell, i) => Cell(cell, SlippageWidths[i], heading: row.Kind == AnnexRowKind.Header, BodySize, language)),
            ]));
        }

        return table;
    }

    /// <summary>A table with the template's borders and margins, and no rows yet.</summary>
    private static Table EmptyTable(IEnumerable<int> columnWidths) => new(
        new TableProperties(
            new TableWidth { Width = TableWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })),
        new TableGrid(columnWidths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

    private static TableCell Cell(AnnexCell cell, TableColumn column, int width, AnnexRowKind kind, Language language)
    {
        var size = kind switch
        {
            AnnexRowKind.Questions => QuestionSize,
            AnnexRowKind.Example when column == TableColumn.Number => ExampleLabelSize,
            _ => BodySize,
        };
        return Cell(cell, width, heading: kind == AnnexRowKind.Header, size, language);
    }

    private static TableCell Cell(AnnexCell cell, int width, bool heading, int size, Language language)
    {
        var properties = new TableCellProperties(new TableCellWidth
        {
            Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = TableWidthUnitValues.Dxa,
        });
        if (cell.Shading is { } level)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = Fill(level) });
        }

        if (heading || cell.Shading is not null)
        {
            properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var paragraphs = cell.Paragraphs.Count == 0
            ? [new Paragraph()]
            : cell.Paragraphs.Select(p => new Paragraph(
                [
                    new ParagraphProperties(new Justification { Val = cell.Centered ? JustificationValues.Center : JustificationValues.Left }),
                    .. p.Runs.Select(r => Run(r, language, size, white: cell.Shading is not null)),
                ])).ToList();
        return new TableCell([properties, .. paragraphs]);
    }

    private static Dictionary<TableColumn, int> WidthsOf(Section section) => section == Section.TimeBound ? TimeBoundWidths : PermanentWidths;

    private static string Fill(ExecutionLevel level) => level switch
    {
        ExecutionLevel.Green => "00B050",
        ExecutionLevel.Blue => "0070C0",
        _ => "FF0000",
    };

    /// <summary>
    /// A later section starts on a new page: LibreOffice drops the footnote of a repeated heading row when the table moves
    /// to the next page while being laid out, and the section's footnote 8 would be lost in the PDF.
    /// </summary>
    private static Paragraph SectionHeading(string heading, bool newPage) => new(
        newPage
            ? new ParagraphProperties(new KeepNext(), new PageBreakBefore(), new SpacingBetweenLines { Before = "0", After = "120" })
            : new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = "22" }), TextOf(heading)));

    private static Paragraph Note(string text) => new(
        new ParagraphProperties(new SpacingBetweenLines { After = "120" }),
        new Run(TextOf(text)));

    private static Paragraph HeaderLine(string text, JustificationValues alignment, bool bold = false) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = "Header" }, new Justification { Val = alignment }),
        new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), TextOf(text)));

    /// <summary>"PT/7.": the number is a PAGE field, so Word renumbers when the document changes.</summary>
    private static Paragraph PageLabel(string prefix) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "Header" },
            new SpacingBetweenLines { Before = "120", After = "120" },
            new Justification { Val = JustificationValues.Center }),
        new Run(TextOf(prefix)),
        new SimpleField(new Run(TextOf("1"))) { Instruction = " PAGE " },
        new Run(TextOf(".")));

    private static Footnotes Footnotes(AnnexDocument annex)
    {
        var footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        foreach (var footnote in annex.Footnotes)
        {
            footnotes.Append(new Footnote(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                new Run(TextOf(" " + footnote.Text))))
            {
                Id = footnote.Number,
            });
        }

        return footnotes;
    }

    private static Styles Styles(Language language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { Val = LanguageTag(language) })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(
            new StyleName { Val = "header" },
            new BasedOn { Val = "Normal" },
            new StyleRunProperties(new FontSize { Val = "20" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Header",
        },
        new Style(
            new StyleName { Val = "footnote text" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "284", Hanging = "284" }, new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties(new FontSize { Val = "16" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "FootnoteText",
        },
        new Style(
            new StyleName { Val = "footnote reference" },
            new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
        {
            Type = StyleValues.Character,
            StyleId = "FootnoteReference",
        });

    private static Text TextOf(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static string LanguageTag(Language language) => language == Language.Fr ? "fr-FR" : "en-GB";
}
