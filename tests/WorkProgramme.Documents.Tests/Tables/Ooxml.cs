using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WorkProgramme.Documents.Tests.Tables;

/// <summary>
/// Hand-written WordprocessingML for the reader's tests: the markup Word and other programs write that our own documents
/// and LibreOffice do not (moves, formatting changes, content controls, fields, smart tags…), as raw XML so each case
/// reads like the file it stands for. The table's columns: N°, Activités, Délai, Etat d’avancement, Niveau d’exécution.
/// </summary>
internal static class Ooxml
{
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\"";

    private static int nextId = 100;

    private static string Stamp() => $"w:id=\"{Interlocked.Increment(ref nextId)}\" w:author=\"Reviewer\" w:date=\"2024-03-01T10:00:00Z\"";

    /// <summary>A .docx whose body holds the blocks, with a footnote whose text has a tracked change.</summary>
    public static byte[] Document(params string[] blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Write(main, $"<w:document {Namespaces}><w:body>{string.Concat(blocks)}<w:sectPr/></w:body></w:document>");
            Write(main.AddNewPart<FootnotesPart>(), $"<w:footnotes {Namespaces}><w:footnote w:id=\"1\"><w:p><w:r><w:t>Note </w:t></w:r>" +
                $"<w:ins {Stamp()}><w:r><w:t>révisée</w:t></w:r></w:ins><w:del {Stamp()}><w:r><w:delText>ancienne</w:delText></w:r></w:del></w:p></w:footnote></w:footnotes>");
        }

        return stream.ToArray();
    }

    private static void Write(OpenXmlPart part, string xml)
    {
        using var output = part.GetStream(FileMode.Create, FileAccess.Write);
        var bytes = Encoding.UTF8.GetBytes(xml);
        output.Write(bytes);
    }

    public static string Heading(string text) => P(R(text));

    /// <summary>A programme table: the header row, then the rows given.</summary>
    public static string Table(params string[] rows) => Bare([Header(), .. rows]);

    /// <summary>A table without a header row (the rest of a table split across pages).</summary>
    public static string Bare(params string[] rows) => $"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>{string.Concat(rows)}</w:tbl>";

    public static string Header() => Row(Cell("N°"), Cell("Activités"), Cell("Délai"), Cell("Etat d’avancement"), Cell("Niveau d’exécution"));

    public static string Row(params string[] cells) => $"<w:tr>{string.Concat(cells)}</w:tr>";

    public static string InsertedRow(params string[] cells) => $"<w:tr><w:trPr><w:ins {Stamp()}/></w:trPr>{string.Concat(cells)}</w:tr>";

    public static string DeletedRow(params string[] cells) => $"<w:tr><w:trPr><w:del {Stamp()}/></w:trPr>{string.Concat(cells)}</w:tr>";

    /// <summary>A row of plain cells: number, activity, deadline, status, and a level cell with that fill (null: none).</summary>
    public static string Activity(string number, string activity, string? fill = "00B050", string status = "En cours") =>
        Row(Cell(number), Cell(activity), Cell("2025"), Cell(status), Level(fill));

    public static string Cell(string text) => CellOf(P(R(text)));

    public static string CellOf(params string[] paragraphs) => $"<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr>{string.Concat(paragraphs)}</w:tc>";

    /// <summary>A level cell: its fill now, and the fill before if a tracked property change recorded one.</summary>
    public static string Level(string? fill, string? before = null, string pattern = "clear")
    {
        var shading = fill is null ? "" : $"<w:shd w:val=\"{pattern}\" w:color=\"{(pattern == "solid" ? fill : "auto")}\" w:fill=\"{(pattern == "solid" ? "FFFFFF" : fill)}\"/>";
        var change = before is null ? "" : $"<w:tcPrChange {Stamp()}><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{before}\"/></w:tcPr></w:tcPrChange>";
        return $"<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>{shading}{change}</w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>";
    }

    public static string P(params string[] content) => $"<w:p>{string.Concat(content)}</w:p>";

    /// <summary>A paragraph whose mark was inserted (in OLD it joins the next paragraph).</summary>
    public static string PInsertedMark(params string[] content) => $"<w:p><w:pPr><w:rPr><w:ins {Stamp()}/></w:rPr></w:pPr>{string.Concat(content)}</w:p>";

    /// <summary>A paragraph whose mark was deleted (in NEW it joins the next paragraph).</summary>
    public static string PDeletedMark(params string[] content) => $"<w:p><w:pPr><w:rPr><w:del {Stamp()}/></w:rPr></w:pPr>{string.Concat(content)}</w:p>";

    public static string R(string text) => $"<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>";

    public static string Ins(string text) => $"<w:ins {Stamp()}>{R(text)}</w:ins>";

    public static string Del(string text) => $"<w:del {Stamp()}><w:r><w:delText xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:delText></w:r></w:del>";
}
