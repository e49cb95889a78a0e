using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Admin;

/// <summary>The task types at /admin/task-types (docs/decisions/0052): administrators only, audited, version-checked, strict input.</summary>
public sealed class TaskTypeAdminFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/admin/task-types";

    [Fact]
    public async Task An_admin_renames_a_type_in_use_the_activity_form_offers_the_new_words_and_the_trail_records_them()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var version = await admin.FieldAsync(Url, "#rename-maintenance input[name=Version]");

        var response = await admin.PostFormAsync(Url, Url + "?handler=Rename", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "maintenance", ["NameFr"] = "Suivi régulier", ["NameEn"] = "Follow-up",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetPageAsync(Url);
        Assert.Contains("Follow-up", page.QuerySelector("[data-testid=task-types] tr[data-code=maintenance]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#delete-maintenance"));
        Assert.NotNull(page.QuerySelector("#delete-fine-tuning"));
        var entry = await app.Database.RunAsync<WorkProgrammeDb, Application.Features.Audit.AuditEntry>(db =>
            db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "TaskType" && e.EntityId == "maintenance" && e.Field == "Name.En"));
        Assert.Equal("Follow-up", entry.NewValue);
        var audit = await admin.GetPageAsync("/admin/audit");
        Assert.Contains("Task type", audit.Body!.TextContent, StringComparison.Ordinal);
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var form = await editor.GetPageAsync($"/programmes/{SeedFile.PtcSlug}/activities/new");
        var options = form.QuerySelectorAll("select[name='Form.TaskType'] option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Equal(("", "—"), options[0]);
        Assert.Equal(["fine-tuning", "updating", "development"], options.Skip(1).Take(3).Select(o => o.Item1));
        Assert.Contains(("maintenance", "Follow-up"), options);
    }

    [Fact]
    public async Task An_admin_adds_a_type_that_an_activity_then_takes_and_a_type_is_moved_up()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var version = await admin.FieldAsync(Url, "#add-task-type input[name=Version]");

        var added = await admin.PostFormAsync(Url, Url + "?handler=Add", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "upgrade", ["NameFr"] = "Mise à niveau", ["NameEn"] = "Upgrade",
        });
        var moved = await admin.PostFormAsync(Url, Url + "?handler=Move", new Dictionary<string, string>
        {
            ["Version"] = await admin.FieldAsync(Url, "#add-task-type input[name=Version]"), ["Code"] = "upgrade", ["Up"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var page = await admin.GetPageAsync(Url);
        Assert.Equal(["fine-tuning", "updating", "development", "upgrade", "maintenance"],
            page.QuerySelectorAll("[data-testid=task-types] tbody tr").Select(r => r.GetAttribute("data-code")));
    }

    [Fact]
    public async Task A_save_on_top_of_a_change_made_meanwhile_is_refused_with_409_and_keeps_the_typed_values()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var stale = await admin.FieldAsync(Url, "#rename-updating input[name=Version]");
        Dictionary<string, string> Rename(string en) => new() { ["Version"] = stale, ["Code"] = "updating", ["NameFr"] = "Mise à jour", ["NameEn"] = en };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, Url + "?handler=Rename", Rename("Update"))).StatusCode);

        var response = await admin.PostFormAsync(Url, Url + "?handler=Rename", Rename("Revision, unaware of the first"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("changed in the meantime", page.QuerySelector("#task-type-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Revision, unaware of the first", page.QuerySelector("#rename-updating input[name=NameEn]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_control_character_a_malformed_code_or_a_delete_of_a_type_in_use_is_refused_in_words_and_nothing_changes()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var version = await admin.FieldAsync(Url, "#add-task-type input[name=Version]");
        var before = await app.Database.ContentHashAsync();

        var control = await admin.PostFormAsync(Url, Url + "?handler=Add", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "upgrade", ["NameFr"] = "Mise à niveau", ["NameEn"] = "Up\u0007grade",
        });
        var malformed = await admin.PostFormAsync(Url, Url + "?handler=Add", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "Mise à niveau", ["NameFr"] = "Mise à niveau", ["NameEn"] = "Upgrade",
        });
        var inUse = await admin.PostFormAsync(Url, Url + "?handler=Delete", new Dictionary<string, string>
        {
            ["Version"] = version, ["Code"] = "development",
        });

        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("The name (in English) contains", await control.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("upgrade", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await control.Content.ReadAsStringAsync())
            .QuerySelector("#add-task-type input[name=Code]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("lower-case letters", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);
        Assert.Contains("can be renamed, not deleted", await inUse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_editor_can_neither_see_nor_change_the_task_types()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var list = await editor.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Contains("denied", list.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
