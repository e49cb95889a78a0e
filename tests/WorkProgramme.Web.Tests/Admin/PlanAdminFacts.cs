using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Admin;

/// <summary>The Strategic Plans at /admin/plans (docs/decisions/0049): administrators only, audited, version-checked, strict input.</summary>
public sealed class PlanAdminFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/admin/plans/2022-2025";

    private static Dictionary<string, string> Rename(string version, string code, string labelEn) => new()
    {
        ["Version"] = version,
        ["Code"] = code,
        ["DisplayCodeFr"] = code,
        ["DisplayCodeEn"] = code,
        ["LabelFr"] = "Nom français",
        ["LabelEn"] = labelEn,
    };

    [Fact]
    public async Task An_admin_renames_a_code_in_use_and_the_trail_records_the_new_name()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var version = await admin.FieldAsync(Url, "#rename-FA2 input[name=Version]");

        var response = await admin.PostFormAsync(Url, Url + "?handler=Rename", Rename(version, "FA2", "Focus area 2, renamed"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetPageAsync(Url);
        Assert.Contains("Focus area 2, renamed", page.QuerySelector("[data-testid=plan-codes]")!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#delete-FA2"));
        var entry = await app.Database.RunAsync<WorkProgrammeDb, Application.Features.Audit.AuditEntry>(db =>
            db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "PlanElement" && e.EntityId == "FA2" && e.Field == "Label.En"));
        Assert.Equal("Focus area 2, renamed", entry.NewValue);
    }

    [Fact]
    public async Task A_save_on_top_of_a_change_made_meanwhile_is_refused_and_keeps_the_typed_values()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var stale = await admin.FieldAsync(Url, "#rename-OS1 input[name=Version]");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, Url + "?handler=Rename", Rename(stale, "OS1", "First"))).StatusCode);

        var response = await admin.PostFormAsync(Url, Url + "?handler=Rename", Rename(stale, "OS1", "Second, unaware of the first"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("changed in the meantime", page.QuerySelector("#plan-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second, unaware of the first", page.QuerySelector("#rename-OS1 textarea[name=LabelEn]")!.TextContent);
    }

    [Fact]
    public async Task A_control_character_a_duplicate_code_or_an_overlapping_period_is_refused_in_words_and_nothing_changes()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var version = await admin.FieldAsync(Url, "#add-code input[name=Version]");
        var before = await app.Database.ContentHashAsync();

        var control = await admin.PostFormAsync(Url, Url + "?handler=Add", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "NEW9", ["Group"] = "FocusArea", ["LabelFr"] = "Nom", ["LabelEn"] = "Na\u0007me",
        });
        var duplicate = await admin.PostFormAsync(Url, Url + "?handler=Add", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "PS1", ["Group"] = "FocusArea", ["LabelFr"] = "Nom", ["LabelEn"] = "Name",
        });
        var overlapping = await admin.PostFormAsync("/admin/plans/new", "/admin/plans/new", new Dictionary<string, string>
        {
            ["Period"] = "2024-2027", ["TitleFr"] = "Plan", ["TitleEn"] = "Plan",
        });

        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("The name (in English) contains", await control.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already has the code", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("NEW9", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await control.Content.ReadAsStringAsync())
            .QuerySelector("#add-code input[name=Code]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("shares years with the 2022-2025 plan", await overlapping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_editor_can_neither_see_nor_change_the_plans()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var list = await editor.GetAsync("/admin/plans");
        var plan = await editor.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Contains("denied", list.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
    }
}
