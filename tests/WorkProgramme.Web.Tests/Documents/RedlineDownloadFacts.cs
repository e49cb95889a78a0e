using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Documents;

/// <summary>The Word redline from the compare page: GET /programmes/{slug}/redline.docx?from=&amp;to=&amp;lang=.</summary>
public sealed class RedlineDownloadFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Base = "/programmes/" + SeedFile.PtcSlug;

    [Theory]
    [InlineData("fr", "en", "Annex to doc. PC0756")]
    [InlineData("en", "fr", "Annexe au doc. PC0756")]
    public async Task The_compare_page_links_the_redline_of_its_versions_in_its_text_language(string page, string lang, string header)
    {
        var html = await app.ClientIn(page).GetPageAsync($"{Base}/compare?from=2023-10&to=2024-04&lang={lang}");
        var link = html.QuerySelector("a[data-download=redline]")!;
        Assert.Equal($"{Base}/redline.docx?from=2023-10&to=2024-04&lang={lang}", link.GetAttribute("href"));
        Assert.Contains(page == "fr" ? "Redline Word (modifications suivies)" : "Word redline (tracked changes)", link.TextContent, StringComparison.Ordinal);

        var response = await app.ClientIn(page).GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"ptc-2022-2025-redline-2023-10-2024-04-{lang}.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var main = document.MainDocumentPart!;
        Assert.Contains(main.HeaderParts, h => h.Header.InnerText.Contains(header, StringComparison.Ordinal));
        Assert.Equal(16, main.Document.Descendants<TableRowProperties>().Count(p => p.GetFirstChild<Inserted>() is not null));
        Assert.Equal(3, main.Document.Descendants<TableRowProperties>().Count(p => p.GetFirstChild<Deleted>() is not null));
    }

    [Theory]
    [InlineData("fr", "?from=2023-10", 400, "Versions à comparer manquantes")]
    [InlineData("en", "?to=2024-04", 400, "Versions to compare missing")]
    [InlineData("en", "?from=1999-01&to=2024-04", 404, "Document not found")]
    [InlineData("fr", "?from=2023-10&to=2099-01", 404, "Document introuvable")]
    public async Task Missing_or_unknown_versions_are_refused_in_the_language_of_the_request(string language, string query, int status, string title)
    {
        var response = await app.ClientIn(language).GetAsync($"{Base}/redline.docx{query}");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
