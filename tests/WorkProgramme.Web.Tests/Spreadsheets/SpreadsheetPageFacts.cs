using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Spreadsheets;

public sealed class SpreadsheetPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string ImportUrl = "/programmes/" + SeedFile.PtcSlug + "/import";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await client.AntiforgeryTokenAsync(ImportUrl)), "__RequestVerificationToken");
        }

        form.Add(new ByteArrayContent(file), "upload", fileName);
        return await client.PostAsync(ImportUrl + "?handler=Preview", form);
    }

    /// <summary>A refused file is answered with the page and 422, so that a script sees the refusal too (issue 16).</summary>
    private const HttpStatusCode Refused = HttpStatusCode.UnprocessableEntity;

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageOf(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task<byte[]> DownloadAsync(HttpClient client, string lang)
    {
        var response = await client.GetAsync($"/programmes/{SeedFile.PtcSlug}/export.xlsx?lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{SeedFile.PtcSlug}-2024-04-{lang}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Anyone_downloads_the_published_programme_as_excel_in_the_language_asked()
    {
        var anonymous = app.ClientIn("fr");

        Assert.Equal("Activities", OfficeFiles.CellText(await DownloadAsync(anonymous, "en"), 0, "D1"));
        Assert.Equal("Activités", OfficeFiles.CellText(await DownloadAsync(anonymous, "fr"), 0, "D1"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/programmes/nope/export.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_blank_template_downloads_in_the_page_language_by_default()
    {
        var response = await app.ClientIn("en").GetAsync("/templates/programme.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var template = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("Priority", OfficeFiles.CellText(template, 0, "B1"));
        Assert.Null(OfficeFiles.CellText(template, 0, "A2"));
    }

    [Fact]
    public async Task The_programme_page_offers_excel_to_everyone_and_import_to_editors_only()
    {
        var publicPage = await app.ClientIn("en").GetPageAsync("/programmes/" + SeedFile.PtcSlug);
        var editorPage = await (await app.SignedInClientAsync(Roles.Editor, "CTP")).GetPageAsync("/programmes/" + SeedFile.PtcSlug);

        Assert.NotNull(publicPage.QuerySelector($"a[href='/programmes/{SeedFile.PtcSlug}/export.xlsx?lang=en']"));
        Assert.Null(publicPage.QuerySelector($"a[href='{ImportUrl}']"));
        Assert.NotNull(editorPage.QuerySelector($"a[href='{ImportUrl}']"));
    }

    [Fact]
    public async Task An_editor_previews_an_upload_then_confirms_and_the_change_is_applied()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var workbook = OfficeFiles.EditSheet(await DownloadAsync(editor, "en"), 0, new Dictionary<string, string?> { ["B3"] = "C" });

        var preview = await PageOf(await UploadAsync(editor, workbook, "ptc.xlsx"));

        Assert.Contains("0 added, 1 changed, 93 unchanged.", preview.QuerySelector("#import-preview").Text(), StringComparison.Ordinal);
        Assert.Contains("Priority", preview.QuerySelector("table.import-changes").Text(), StringComparison.Ordinal);
        var before = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        Assert.NotEqual("C", before!.Activities.Single(a => a.Section == "time-bound" && a.Number == 2).Priority);

        var applied = await PageOf(await ConfirmAsync(editor, preview));

        Assert.NotNull(applied.QuerySelector("#import-applied"));
        var after = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        Assert.Equal("C", after!.Activities.Single(a => a.Section == "time-bound" && a.Number == 2).Priority);
    }

    /// <summary>Presses "Apply" on a preview: the confirmation form as the page wrote it (upload token, kind, state).</summary>
    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument preview) =>
        client.PostAsync(ImportUrl + "?handler=Apply", new FormUrlEncodedContent(preview.QuerySelectorAll("form:has(input[name=token]) input[name]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));

    [Fact]
    public async Task A_confirmation_after_the_programme_changed_since_its_preview_is_refused_in_words_with_409_and_changes_nothing()
    {
        var french = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var english = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "en");
        var workbook = await DownloadAsync(english, "en");
        var previewFr = await PageOf(await UploadAsync(french, OfficeFiles.EditSheet(workbook, 0, new Dictionary<string, string?> { ["B4"] = "C" }), "a.xlsx"));
        var previewEn = await PageOf(await UploadAsync(english, OfficeFiles.EditSheet(workbook, 0, new Dictionary<string, string?> { ["B4"] = "C" }), "a.xlsx"));
        var other = await PageOf(await UploadAsync(english, OfficeFiles.EditSheet(workbook, 0, new Dictionary<string, string?> { ["B5"] = "C" }), "b.xlsx"));
        Assert.NotNull((await PageOf(await ConfirmAsync(english, other))).QuerySelector("#import-applied"));
        var before = await app.Database.ContentHashAsync();

        var refusedFr = await PageOf(await ConfirmAsync(french, previewFr), HttpStatusCode.Conflict);
        var refusedEn = await PageOf(await ConfirmAsync(english, previewEn), HttpStatusCode.Conflict);

        Assert.Contains("Le programme a été modifié depuis l’aperçu ; rien n’a été importé", refusedFr.QuerySelector("#import-problems")!.Text(), StringComparison.Ordinal);
        Assert.Contains("The programme was changed since the preview; nothing was imported", refusedEn.QuerySelector("#import-problems")!.Text(), StringComparison.Ordinal);
        Assert.Null(refusedEn.QuerySelector("#import-applied"));
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task A_hostile_or_bad_file_shows_its_problems_in_the_users_language_and_changes_nothing()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var before = await app.Database.ContentHashAsync();
        var dtd = OfficeFiles.Rewrite(await DownloadAsync(editor, "fr"), new Dictionary<string, string?>
        {
            ["xl/workbook.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><workbook>&e;</workbook>",
        });
        var badCell = OfficeFiles.EditSheet(await DownloadAsync(editor, "fr"), 0, new Dictionary<string, string?> { ["B2"] = "Z" });

        var hostile = await PageOf(await UploadAsync(editor, dtd, "evil.xlsx"), Refused);
        var bad = await PageOf(await UploadAsync(editor, badCell, "bad.xlsx"), Refused);
        var notOffice = await PageOf(await UploadAsync(editor, "x"u8.ToArray(), "notes.txt"), Refused);

        Assert.Contains("DTD", hostile.QuerySelector("#import-problems").Text(), StringComparison.Ordinal);
        Assert.Contains("I. Délai spécifique › ligne 2 › Niveau de priorité : « Z » : attendu A, B ou C", bad.QuerySelector("#import-problems").Text(), StringComparison.Ordinal);
        Assert.Contains("Seuls les classeurs Excel (.xlsx) et les documents Word (.docx)", notOffice.QuerySelector("#import-problems").Text(), StringComparison.Ordinal);
        Assert.Null(bad.QuerySelector("form input[name=token]"));
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(256)]
    [InlineData(20_000)]
    public async Task A_file_name_longer_than_a_disk_allows_is_refused_in_words_however_long(int length)
    {
        // Past 16 KB of part headers the form could not be read at all: a bare 400 page, with no reason given.
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "en");
        var workbook = await DownloadAsync(editor, "en");

        var refused = await PageOf(await UploadAsync(editor, workbook, new string('a', length - ".xlsx".Length) + ".xlsx"), Refused);
        var longest = await PageOf(await UploadAsync(editor, workbook, new string('a', 255 - ".xlsx".Length) + ".xlsx"));

        Assert.Contains("The file name is too long (at most 255 characters)", refused.QuerySelector("#import-problems")!.Text(), StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("#import-preview"));
        Assert.NotNull(longest.QuerySelector("#import-preview"));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var response = await UploadAsync(editor, await DownloadAsync(editor, "en"), "ptc.xlsx", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_confirmation_naming_an_unknown_upload_changes_nothing()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var before = await app.Database.ContentHashAsync();

        var page = await PageOf(await editor.PostFormAsync(ImportUrl, ImportUrl + "?handler=Apply",
            new Dictionary<string, string> { ["token"] = new string('a', 32), ["kind"] = "xlsx" }), Refused);

        Assert.Contains("This file is no longer available", page.QuerySelector("#import-problems").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_editor_of_another_body_cannot_open_the_import_page()
    {
        var otherEditor = await app.SignedInClientAsync(Roles.Editor, "CRC");

        var response = await otherEditor.GetAsync(ImportUrl);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Access denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
