using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Admin;

/// <summary>Renaming a body at /admin/bodies (docs/decisions/0042): audited, version-checked, strict input.</summary>
public sealed class BodyAdminFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/admin/bodies/edit?code=CSH";

    private static Dictionary<string, string> Fields(string version, string nameEn) => new()
    {
        ["Version"] = version,
        ["AbbreviationFr"] = "CSH",
        ["AbbreviationEn"] = "HSC",
        ["NameFr"] = "Comité du Système harmonisé",
        ["NameEn"] = nameEn,
    };

    [Fact]
    public async Task An_admin_renames_a_body_and_the_trail_records_the_old_and_new_name()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var version = await admin.FieldAsync(Url, "input[name=Version]");

        var response = await admin.PostFormAsync(Url, Url, Fields(version, "Harmonized System Committee (renamed)"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetPageAsync("/admin/bodies");
        Assert.Contains("Harmonized System Committee (renamed)", list.QuerySelector("[data-testid=bodies]").Text(), StringComparison.Ordinal);
        var entry = await app.Database.RunAsync<WorkProgrammeDb, Application.Features.Audit.AuditEntry>(db =>
            db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Body" && e.EntityId == "CSH" && e.Field == "Name.En"));
        Assert.Equal("Harmonized System Committee (renamed)", entry.NewValue);
    }

    [Fact]
    public async Task A_save_on_top_of_a_change_made_meanwhile_is_refused_and_keeps_the_typed_values()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var stale = await admin.FieldAsync("/admin/bodies/edit?code=CTRO", "input[name=Version]");
        var first = Fields(stale, "Technical Committee on Rules of Origin, first");
        (first["AbbreviationFr"], first["AbbreviationEn"], first["NameFr"]) = ("CTRO", "TCRO", "Comité technique des règles d’origine");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/bodies/edit?code=CTRO", "/admin/bodies/edit?code=CTRO", first)).StatusCode);

        var second = new Dictionary<string, string>(first) { ["NameEn"] = "Second, unaware of the first" };
        var response = await admin.PostFormAsync("/admin/bodies/edit?code=CTRO", "/admin/bodies/edit?code=CTRO", second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("changed in the meantime", page.QuerySelector("#body-problem").Text(), StringComparison.Ordinal);
        Assert.Equal("Second, unaware of the first", page.QuerySelector("input[name=NameEn]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_control_character_or_an_overlong_abbreviation_is_refused_in_words_and_nothing_changes()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var url = "/admin/bodies/edit?code=EPMD";
        var version = await admin.FieldAsync(url, "input[name=Version]");
        var before = await app.Database.ContentHashAsync();

        var control = Fields(version, "Data Model\u0007 Project Team");
        var overlong = Fields(version, "Data Model Project Team");
        overlong["AbbreviationEn"] = new string('D', 41);
        var refusedControl = await admin.PostFormAsync(url, url, control);
        var refusedLength = await admin.PostFormAsync(url, url, overlong);

        Assert.Equal(HttpStatusCode.BadRequest, refusedControl.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedLength.StatusCode);
        Assert.Contains("The name (in English) contains", await refusedControl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The abbreviation (in English) has at most 40 characters", await refusedLength.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_editor_cannot_rename_a_body()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var response = await editor.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> NewBody(string code, string nameEn) => new()
    {
        ["Code"] = code,
        ["Kind"] = "WorkingGroup",
        ["AbbreviationFr"] = code,
        ["AbbreviationEn"] = "WGN",
        ["NameFr"] = "Groupe de travail sur la nouveauté",
        ["NameEn"] = nameEn,
    };

    [Fact]
    public async Task An_admin_adds_a_body_in_the_browser_and_the_bodies_page_lists_it()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/admin/bodies/new", "/admin/bodies/new", NewBody("GT-NOUVEAU", "Working Group on Novelty"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetPageAsync("/admin/bodies");
        Assert.Contains("Working Group on Novelty", list.QuerySelector("[data-testid=bodies]").Text(), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("a[href='/admin/bodies/new']"));
        var kind = await app.Database.RunAsync<WorkProgrammeDb, Domain.Bodies.BodyKind>(db =>
            db.Bodies.AsNoTracking().Where(b => b.Code == "GT-NOUVEAU").Select(b => b.Kind).SingleAsync());
        Assert.Equal(Domain.Bodies.BodyKind.WorkingGroup, kind);
        Assert.True(await app.Database.RunAsync<WorkProgrammeDb, bool>(db =>
            db.AuditEntries.AsNoTracking().AnyAsync(e => e.EntityType == "Body" && e.EntityId == "GT-NOUVEAU")));
    }

    [Theory]
    [InlineData("clf", "A body already has the code 'CLF'")]
    [InlineData("GT<script>", "The body's code: letters and digits")]
    [InlineData("", "The body's code is required")]
    public async Task A_taken_code_or_one_of_the_wrong_shape_is_refused_in_words_the_values_kept_and_nothing_added(string code, string words)
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var before = await app.Database.ContentHashAsync();

        var response = await admin.PostFormAsync("/admin/bodies/new", "/admin/bodies/new", NewBody(code, "Kept as typed"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(words, page.QuerySelector("#body-problem").Text(), StringComparison.Ordinal);
        Assert.Equal("Kept as typed", page.QuerySelector("input[name=NameEn]")!.GetAttribute("value"));
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_editor_cannot_add_a_body()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var before = await app.Database.ContentHashAsync();

        var shown = await editor.GetAsync("/admin/bodies/new");
        var posted = await editor.PostAsync("/admin/bodies/new", new FormUrlEncodedContent(NewBody("GT-EDITOR", "Not for editors")));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (shown.StatusCode, posted.StatusCode));
        Assert.Contains("denied", shown.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("denied", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }
}
