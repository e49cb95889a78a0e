using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WorkProgramme.Testing;

/// <summary>
/// Builds Word documents in the layout of the Secretariat's original (the seed): a heading per section, the header row
/// with footnote numbers glued to the headers, the row of questions, the EXAMPLE row, then the activities, with
/// tracked changes where a test asks for them.
/// </summary>
public static class WordFiles
{
    /// <summary>A cell's content: plain text, or runs with tracked deletions and insertions.</summary>
    public sealed record Cell(IReadOnlyList<(string Text, Change Change)> Runs)
    {
        public static implicit operator Cell(string text) => new([(text, Change.None)]);
    }

    public enum Change
    {
        None,
        Inserted,
        Deleted,
    }

    /// <summary>One row: its cells in header order, and whether the whole row is a tracked deletion.</summary>
    public sealed record Row(IReadOnlyList<Cell> Cells, bool Deleted = false);

    public sealed record SectionTable(string Heading, IReadOnlyList<string> Headers, IReadOnlyList<Row> Rows);

    public static readonly IReadOnlyList<string> TimeBoundHeadersFr =
    [
        "N°", "Niveau de priorité", "Lien avec le Plan stratégique1", "Activités2", "Plan stratégique de l’OMD3", "Type de tâches associées4",
        "Organe responsable5", "Ressources", "Indicateurs de performance clés", "Délai", "Etat d’avancement6", "Niveau d’exécution7",
    ];

    public static IReadOnlyList<string> PermanentHeadersFr => TimeBoundHeadersFr.Take(11).ToArray();

    public static Row Questions(int columns) => new(Enumerable.Range(0, columns)
        .Select(i => (Cell)(i == 0 ? "" : i == 1 ? "Quel est le niveau de priorité de l’activité ? A=élevé B=moyen C=bas" : "?")).ToList());

    public static Row Example(int columns) => new(Enumerable.Range(0, columns)
        .Select(i => (Cell)(i switch { 0 => "EXEMPLE (Exemple)", 2 => "O", 3 => "Élaborer des orientations pour les administrations des douanes des PEI", _ => "" })).ToList());

    public static byte[] Document(params SectionTable[] sections)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(Paragraph("PROJET DE PROGRAMME DE TRAVAIL RÉVISÉ 2022-2025 DU COMITÉ TECHNIQUE PERMANENT (CTP)"));
            foreach (var section in sections)
            {
                body.Append(Paragraph(section.Heading));
                var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" }),
                    new TableGrid(section.Headers.Select(_ => new GridColumn { Width = "1200" })));
                table.Append(new TableRow(section.Headers.Select(h => CellOf(h))));
                foreach (var row in section.Rows)
                {
                    var tableRow = new TableRow();
                    if (row.Deleted)
                    {
                        tableRow.Append(new TableRowProperties(new Deleted { Id = "90", Author = "Secrétariat", Date = DateTime.UnixEpoch }));
                    }

                    tableRow.Append(row.Cells.Select(CellOf));
                    table.Append(tableRow);
                }

                body.Append(table);
                body.Append(new Paragraph());
            }

            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell CellOf(Cell cell)
    {
        var paragraph = new Paragraph();
        var id = 100;
        foreach (var (text, change) in cell.Runs)
        {
            switch (change)
            {
                case Change.Inserted:
                    paragraph.Append(new InsertedRun(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                    { Id = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture), Author = "Secrétariat", Date = DateTime.UnixEpoch });
                    break;
                case Change.Deleted:
                    paragraph.Append(new DeletedRun(new Run(new DeletedText(text) { Space = SpaceProcessingModeValues.Preserve }))
                    { Id = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture), Author = "Secrétariat", Date = DateTime.UnixEpoch });
                    break;
                default:
                    paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                    break;
            }
        }

        return new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = "1200" }), paragraph);
    }
}
