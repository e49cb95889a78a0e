using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using WorkProgramme.Documents.Word;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>A file the browser downloaded, and its text as Word, Excel or a PDF reader would give it.</summary>
public sealed record Downloaded(string FileName, byte[] Content)
{
    /// <summary>Clicks <paramref name="link"/>, waits for the browser's download to finish and reads the file it saved.</summary>
    public static async Task<Downloaded> ByClickingAsync(IPage page, ILocator link, float timeoutMs = 30_000)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync(), new() { Timeout = timeoutMs });
        var path = await download.PathAsync();
        Assert.Null(await download.FailureAsync());
        return new Downloaded(download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    /// <summary>The body's paragraphs, one per line.</summary>
    public string WordText()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(Content), false);
        return string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>The text of every tracked insertion and of every tracked deletion in the body.</summary>
    public (IReadOnlyList<string> Inserted, IReadOnlyList<string> Deleted) TrackedChanges()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(Content), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        return (
            body.Descendants<W.InsertedRun>().Select(r => string.Concat(r.Descendants<W.Text>().Select(t => t.Text))).ToList(),
            body.Descendants<W.DeletedRun>().Select(r => string.Concat(r.Descendants<W.DeletedText>().Select(t => t.Text))).ToList());
    }

    /// <summary>Every sheet by name, with the text of each of its cells (inline or shared strings, or plain values).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SheetTexts()
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(Content), false);
        var part = workbook.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<S.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var sheet in part.Workbook!.Sheets!.Elements<S.Sheet>())
        {
            var cells = ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet!.Descendants<S.Cell>();
            sheets[sheet.Name!.Value!] = cells.Select(cell => cell.DataType?.Value == S.CellValues.SharedString
                ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "").ToList();
        }

        return sheets;
    }

    /// <summary>
    /// The PDF's pages and its text blocks, each block's words joined by single spaces. A table row is drawn line by line
    /// across its cells, so the page's words in drawing order mix the columns; the blocks (PdfPig's Docstrum layout
    /// analysis) keep a cell's lines together.
    /// </summary>
    public (int Pages, IReadOnlyList<string> Blocks) PdfBlocks()
    {
        using var pdf = PdfDocument.Open(Content);
        var pages = pdf.GetPages().ToList();
        var blocks = pages.SelectMany(p => DocstrumBoundingBoxes.Instance.GetBlocks(p.GetWords()))
            .Select(b => string.Join(" ", b.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        return (pages.Count, blocks);
    }
}
