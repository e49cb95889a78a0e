using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Translation;

/// <summary>
/// The translation page: download the XLIFF, upload what the translation service sends back, preview, apply. Tests of
/// this class share one database, so each translates a column of its own.
/// </summary>
public sealed class TranslationPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug + "/translation";

    private static async Task<byte[]> ExportAsync(HttpClient client, string to = "en")
    {
        var response = await client.GetAsync($"{Url}?handler=Export&to={to}&version=2024-04");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xliff+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{SeedFile.PtcSlug}-2024-04.{to}.xlf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName = "ptc.en.xlf")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(Url)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "upload", fileName },
        };
        return await client.PostAsync(Url + "?handler=Preview", form);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument preview) =>
        client.PostAsync(Url + "?handler=Apply", new FormUrlEncodedContent(preview.QuerySelectorAll("form:has(input[name=token]) input[name]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageOf(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static Func<string, bool> Column(string field) => id => id.EndsWith("/" + field, StringComparison.Ordinal);

    [Fact]
    public async Task An_editor_downloads_the_texts_previews_the_translated_file_and_applies_it_in_French_and_English()
    {
        var french = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var english = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "en");
        var exported = await ExportAsync(english);
        var kpis = XliffFiles.Translated(exported, Column("kpi"));
        var before = await app.Database.ContentHashAsync();

        var previewFr = await PageOf(await UploadAsync(french, kpis));
        var preview = await PageOf(await UploadAsync(english, kpis));

        Assert.Equal(before, await app.Database.ContentHashAsync());
        Assert.Contains("traductions à appliquer", previewFr.QuerySelector("#translation-preview")!.Text(), StringComparison.Ordinal);
        Assert.Matches(@"\d+ translations to apply, \d+ unchanged, 0 stale\. 0 refused\.", preview.QuerySelector("#translation-preview")!.Text());
        Assert.Contains("Key performance indicators", preview.QuerySelector("#translation-units")!.Text(), StringComparison.Ordinal);

        var applied = await PageOf(await ConfirmAsync(english, preview));

        Assert.NotNull(applied.QuerySelector("#translation-applied"));
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        Assert.All(file!.Activities.Where(a => a.Number is not null), a => Assert.NotNull(a.Kpi!.En));
        Assert.DoesNotContain(XliffIds(await ExportAsync(english)), id => id.EndsWith("/kpi", StringComparison.Ordinal));
    }

    private static IEnumerable<string> XliffIds(byte[] xliff) =>
        System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xliff))
            .Descendants(WorkProgramme.Documents.Translation.Xliff.Ns + "trans-unit").Select(u => (string)u.Attribute("id")!);

    [Fact]
    public async Task A_confirmation_after_the_texts_changed_since_its_preview_is_refused_in_words_with_409_and_changes_nothing()
    {
        var french = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var english = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "en");
        var exported = await ExportAsync(english);
        var resources = XliffFiles.Translated(exported, Column("resources"));
        var previewFr = await PageOf(await UploadAsync(french, resources));
        var previewEn = await PageOf(await UploadAsync(english, resources));
        var other = await PageOf(await UploadAsync(english, XliffFiles.Translated(exported, Column("deadline"))));
        Assert.NotNull((await PageOf(await ConfirmAsync(english, other))).QuerySelector("#translation-applied"));
        var before = await app.Database.ContentHashAsync();

        var refusedFr = await PageOf(await ConfirmAsync(french, previewFr), HttpStatusCode.Conflict);
        var refusedEn = await PageOf(await ConfirmAsync(english, previewEn), HttpStatusCode.Conflict);

        Assert.Contains("Le programme a été modifié depuis l’aperçu ; aucune traduction n’a été appliquée", refusedFr.QuerySelector("#translation-problems")!.Text(), StringComparison.Ordinal);
        Assert.Contains("The programme was changed since the preview; no translation was applied", refusedEn.QuerySelector("#translation-problems")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff>&e;</xliff>", "contient une DTD ou des entités")]
    [InlineData("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"autre/2024-04\" source-language=\"fr\" target-language=\"en\"><body/></file></xliff>", "un autre programme")]
    [InlineData("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"ptc-2022-2025/2024-04\" source-language=\"fr\" target-language=\"de\"><body/></file></xliff>", "langue cible")]
    public async Task A_hostile_or_wrong_file_is_refused_in_words_with_422_and_changes_nothing(string xliff, string expected)
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var before = await app.Database.ContentHashAsync();

        var refused = await PageOf(await UploadAsync(editor, System.Text.Encoding.UTF8.GetBytes(xliff)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(expected, refused.QuerySelector("#translation-problems")!.Text(), StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("form:has(input[name=token])"));
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task The_programme_page_offers_translation_to_editors_only()
    {
        var publicPage = await app.ClientIn("en").GetPageAsync("/programmes/" + SeedFile.PtcSlug);
        var editorPage = await (await app.SignedInClientAsync(Roles.Editor, "CTP")).GetPageAsync("/programmes/" + SeedFile.PtcSlug);

        Assert.Null(publicPage.QuerySelector($"a[href='{Url}']"));
        Assert.NotNull(editorPage.QuerySelector($"a[href='{Url}']"));
    }
}
