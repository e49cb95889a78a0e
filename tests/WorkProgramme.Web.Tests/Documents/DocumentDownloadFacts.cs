using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Hosting;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Documents;

/// <summary>The Word and PDF annex from the programme page: anyone for a published version, drafts only for their readers.</summary>
public sealed class DocumentDownloadFacts(WebAppFactory app) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Draft = "2025-draft";
    private const string Base = "/programmes/" + SeedFile.PtcSlug;

    public async Task InitializeAsync()
    {
        _ = app.Services;
        var file = (await app.Database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;
        if (file.Version!.Label == Draft)
        {
            return;
        }

        var outcome = await app.Database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h =>
            h.HandleAsync(new(file with { Version = file.Version with { Label = Draft, State = "draft", DocumentSymbol = null } }), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anyone_downloads_the_published_annex_in_word_in_the_language_asked()
    {
        var response = await app.ClientIn("fr").GetAsync(Base + "/export.docx?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ptc-2022-2025-2024-04-ctp-243-244-en.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains(document.MainDocumentPart!.HeaderParts, h => h.Header.InnerText.Contains("Annex to doc. PC0756", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_lang_the_annex_follows_the_language_of_the_request()
    {
        var response = await app.ClientIn("fr").GetAsync(Base + "/export.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("I. Activités entreprises dans un délai spécifique", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_downloads_the_published_annex_in_pdf()
    {
        var response = await app.ClientIn("en").GetAsync(Base + "/export.pdf?lang=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task The_public_cannot_download_a_draft_and_an_unknown_session_is_not_found()
    {
        var client = app.ClientIn("en");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/export.docx?version={Draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/export.pdf?version={Draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/export.docx?session=ctp-999")).StatusCode);
    }

    [Fact]
    public async Task The_committee_downloads_its_draft()
    {
        var client = await app.SignedInClientAsync(Roles.Member, "CTP");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Base}/export.docx?version={Draft}")).StatusCode);
    }

    [Fact]
    public async Task The_programme_page_offers_word_and_pdf_in_its_language()
    {
        var page = await app.ClientIn("en").GetStringAsync(Base + "?version=2024-04");

        Assert.Contains($"href=\"{Base}/export.docx?lang=en&amp;version=2024-04\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Base}/export.pdf?lang=en&amp;version=2024-04\"", page, StringComparison.Ordinal);
        Assert.Contains("Word document (EN)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_slippage_true_the_word_annex_ends_with_the_deadline_slippage_table()
    {
        var client = app.ClientIn("fr");

        var response = await client.GetAsync(Base + "/export.docx?lang=en&slippage=true");
        var plain = await client.GetByteArrayAsync(Base + "/export.docx?lang=en&slippage=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ptc-2022-2025-2024-04-ctp-243-244-en-slippage.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains("Deadline slippage", body.InnerText, StringComparison.Ordinal);
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(["I.12", "I.13", "I.14", "I.19", "I.24", "I.29"],
            tables[2].Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().First().InnerText));
        using var plainDocument = WordprocessingDocument.Open(new MemoryStream(plain), false);
        Assert.Equal(2, plainDocument.MainDocumentPart!.Document.Body!.Elements<Table>().Count());
        Assert.DoesNotContain("Deadline slippage", plainDocument.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Base + "/export.docx?slippage=maybe")).StatusCode);
    }

    [Theory]
    [InlineData("en", "Word with deadline slippage (EN)")]
    [InlineData("fr", "Word avec le glissement des délais (FR)")]
    public async Task The_programme_page_offers_word_with_the_slippage_table_as_a_second_link(string language, string text)
    {
        var page = await app.ClientIn(language).GetPageAsync(Base + "?version=2024-04");

        var link = page.QuerySelector("a[data-testid=download-word-slippage]")!;
        Assert.Equal($"{Base}/export.docx?lang={language}&version=2024-04&slippage=true", link.GetAttribute("href"));
        Assert.Equal(text, link.TextContent);
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public async Task Without_libre_office_the_page_says_how_to_install_it_and_the_pdf_answers_503()
    {
        using var withoutLibreOffice = app.WithWebHostBuilder(builder => builder.UseSetting("Documents:LibreOffice", "/nonexistent/soffice"));
        var client = withoutLibreOffice.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await client.GetStringAsync(Base);
        var response = await client.GetAsync(Base + "/export.pdf");

        Assert.Contains("PDF unavailable: LibreOffice is not installed on the server", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/export.pdf", page, StringComparison.Ordinal);
        Assert.Contains("/export.docx", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("apt-get install", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
