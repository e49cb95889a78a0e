using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// A reader downloads the programme as Word, Excel and PDF from the programme page's buttons and opens each file: the
/// text is the programme's, in the page's language. The PDF is converted by LibreOffice on the server (one conversion
/// at a time per process, see PdfConverter), so its download may take a while on a loaded machine.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportJourney(BrowserApp app) : IAsyncLifetime
{
    // I.34 has both a French and an English title, so either file can show the one language and not the other.
    private const string TitleFr = "Actualiser les Directives sur la mainlevée immédiate";
    private const string TitleEn = "Update the Immediate Release Guidelines (IRG)";

    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task A_reader_downloads_the_word_excel_and_pdf_files_from_the_programme_page_and_they_hold_its_titles_in_the_page_language(string language)
    {
        var ui = EditorUi.For(language);
        var (title, otherTitle) = language == "fr" ? (TitleFr, TitleEn) : (TitleEn, TitleFr);
        page = await app.NewPageAsync(language);
        var programme = await ProgrammePage.OpenAsync(page, ui.Reader);

        var word = await Downloaded.ByClickingAsync(page, programme.DownloadLink(ui.WordLink));
        Assert.EndsWith(".docx", word.FileName, StringComparison.Ordinal);
        var wordText = word.WordText();
        Assert.Contains(title, wordText, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTitle, wordText, StringComparison.Ordinal);
        Assert.Contains(ui.AnnexTimeBound, wordText, StringComparison.Ordinal);

        var excel = await Downloaded.ByClickingAsync(page, programme.DownloadLink(ui.ExcelLink));
        Assert.EndsWith(".xlsx", excel.FileName, StringComparison.Ordinal);
        var sheets = excel.SheetTexts();
        Assert.Contains(ui.TimeBoundSheet, sheets.Keys);
        Assert.Contains(title, sheets[ui.TimeBoundSheet]);
        Assert.DoesNotContain(sheets.Values.SelectMany(cells => cells), cell => cell.Contains(otherTitle, StringComparison.Ordinal));

        // LibreOffice takes seconds, more when the machine is busy: the download gets the converter's own ceiling.
        var pdf = await Downloaded.ByClickingAsync(page, programme.DownloadLink(ui.PdfLink), timeoutMs: 120_000);
        Assert.EndsWith(".pdf", pdf.FileName, StringComparison.Ordinal);
        var (pages, blocks) = pdf.PdfBlocks();
        Assert.True(pages > 1, $"The annex has {pages} page(s).");
        Assert.Contains(blocks, block => block.Contains(ui.AnnexHeader, StringComparison.Ordinal));
        Assert.Contains(blocks, block => block.Contains(title, StringComparison.Ordinal));
        Assert.DoesNotContain(blocks, block => block.Contains(otherTitle, StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
