using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Programmes;

/// <summary>
/// The archive import page (administrators): our redline of the PTC uploaded as the archive of a new programme, the
/// reading of every row previewed, then applied; a file of another kind refused in words.
/// </summary>
public sealed class ArchiveImportPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Page = "/admin/programmes/archive";

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, byte[] file, string name, string slug,
        string body = "CTP", string period = "2022-2025", string oldLabel = "2023-10", string newLabel = "2024-04")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(Page)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "upload", name },
        };
        foreach (var (field, value) in new[] { ("Slug", slug), ("BodyCode", body), ("Period", period), ("OldLabel", oldLabel),
                     ("NewLabel", newLabel), ("OldSession", "ctp-241-242"), ("NewSession", "ctp-243-244"), ("NewSymbol", "PC0756"),
                     ("OldState", "approved"), ("NewState", "endorsed") })
        {
            form.Add(new StringContent(value), field);
        }

        return await client.PostAsync(Page + "?handler=Preview", form);
    }

    [Fact]
    public async Task An_administrator_previews_the_reading_of_every_row_then_imports_the_two_versions()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: "en");
        var redline = await admin.GetByteArrayAsync($"/programmes/{SeedFile.PtcSlug}/redline.docx?from=2023-10&to=2024-04&lang=fr");
        var before = await app.Database.ContentHashAsync();

        var preview = await PreviewAsync(admin, redline, "ptc-redline.docx", "ptc-archive-page");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await ParseAsync(preview);
        int Rows(string reading) => page.QuerySelectorAll($"#archive-readings tr[data-reading={reading}]").Length;
        Assert.Equal((22, 56, 16, 3), (Rows("kept"), Rows("renumbered"), Rows("added"), Rows("retired")));
        Assert.Contains("22 kept, 56 renumbered, 16 added, 3 retired; 0 doubts.", page.QuerySelector("#archive-preview").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());

        var fields = page.QuerySelectorAll("#archive-apply input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["__RequestVerificationToken"] = await admin.AntiforgeryTokenAsync(Page);
        var applied = await admin.PostAsync(Page + "?handler=Apply", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var done = await ParseAsync(applied);
        Assert.Contains("Versions 2023-10 and 2024-04 imported:", done.QuerySelector("#archive-applied").Text(), StringComparison.Ordinal);
        var compare = await admin.GetAsync("/programmes/ptc-archive-page/compare?from=2023-10&to=2024-04");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
    }

    [Theory]
    [InlineData("en", "Only Word documents (.docx) are accepted.")]
    [InlineData("fr", "Seuls les documents Word (.docx) sont acceptés.")]
    public async Task A_file_of_another_kind_is_refused_in_words_and_nothing_is_saved(string language, string message)
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: language);
        var before = await app.Database.ContentHashAsync();

        var refused = await PreviewAsync(admin, [1, 2, 3], "ptc.xlsx", "ptc-archive-refused");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(message, (await ParseAsync(refused)).QuerySelector("#archive-problems").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Theory]
    [InlineData("en", "CLF", "2022-2025", "body", "The programme 'ptc-2022-2025' belongs to the body PTC, not to EC: leave the body empty or choose PTC")]
    [InlineData("fr", "CTP", "2025-2028", "period", "Le programme « ptc-2022-2025 » couvre la période 2022-2025, pas « 2025-2028 » : laissez la période vide ou donnez 2022-2025")]
    public async Task A_body_or_a_period_that_is_not_the_existing_programmes_is_refused_beside_its_field_and_nothing_is_saved(string language,
        string body, string period, string field, string message)
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: language);
        var redline = await admin.GetByteArrayAsync($"/programmes/{SeedFile.PtcSlug}/redline.docx?from=2023-10&to=2024-04&lang=fr");
        var before = await app.Database.ContentHashAsync();

        var refused = await PreviewAsync(admin, redline, "ptc-redline.docx", SeedFile.PtcSlug, body, period, "2026-01", "2026-06");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await ParseAsync(refused);
        var beside = page.QuerySelector($"#archive-{field}-problem");
        Assert.Contains(message, beside.Text(), StringComparison.Ordinal);
        Assert.Equal($"archive-{field}-problem", beside!.ParentElement!.QuerySelector("[aria-invalid=true]")!.GetAttribute("aria-describedby"));
        Assert.Null(page.QuerySelector(field == "body" ? "#archive-period-problem" : "#archive-body-problem"));
        Assert.Null(page.QuerySelector("#archive-apply"));
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_existing_programme_takes_the_versions_when_the_body_and_the_period_are_left_empty()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: "en");
        var redline = await admin.GetByteArrayAsync($"/programmes/{SeedFile.PtcSlug}/redline.docx?from=2023-10&to=2024-04&lang=fr");

        var preview = await PreviewAsync(admin, redline, "ptc-redline.docx", SeedFile.PtcSlug, "", "", "2026-01", "2026-06");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await ParseAsync(preview);
        Assert.NotNull(page.QuerySelector("#archive-apply"));
        Assert.Empty(page.QuerySelectorAll(".field-problem"));
    }
}
