using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Assignments;

/// <summary>Assign officers from the activity, filter the round by officer and unit, and each officer's "my reports".</summary>
public sealed class AssignmentPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Session = "ctp-247-248";
    private static readonly string Rounds = $"/programmes/{SeedFile.PtcSlug}/rounds";

    [Fact]
    public async Task An_editor_assigns_an_officer_who_then_finds_the_report_under_my_reports()
    {
        await app.Database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [247, 248], 2025, 4, Season.Spring), CancellationToken.None));
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var (officerEmail, password) = await app.UserAsync(Roles.Editor, "CTP");
        var officerId = await app.Database.RunAsync<WorkProgrammeDb, string>(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == officerEmail);
            user.Unit = "Nomenclature";
            await db.SaveChangesAsync();
            return user.Id;
        });
        await editor.PostFormAsync(Rounds, Rounds, new Dictionary<string, string> { ["session"] = Session });
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var id = file!.Activities.Single(a => a.Section == "time-bound" && a.Number == 4).Id!.Value;
        var assign = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/assign";

        var form = await editor.GetPageAsync(assign);
        Assert.NotNull(form.QuerySelector($"input[name=UserIds][value='{officerId}']"));
        var saved = await editor.PostFormAsync(assign, assign, new Dictionary<string, string>
        {
            ["UserIds"] = officerId,
            ["Version"] = await editor.FieldAsync(assign, "input[name=Version]"),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var activity = await editor.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Assignments saved.", activity.QuerySelector("#flash").Text());
        var byOfficer = await editor.GetPageAsync($"{Rounds}/{Session}?officer={officerId}");
        Assert.Equal(["I.4"], byOfficer.QuerySelectorAll(".round-table tbody th").Select(th => th.Text()));
        var byUnit = await editor.GetPageAsync($"{Rounds}/{Session}?unit=Nomenclature");
        Assert.Equal(["I.4"], byUnit.QuerySelectorAll(".round-table tbody th").Select(th => th.Text()));
        Assert.Equal(94, (await editor.GetPageAsync($"{Rounds}/{Session}")).QuerySelectorAll(".round-table tbody tr").Length);

        var officer = app.ClientIn("en");
        await officer.SignInAsync(officerEmail, password);
        var mine = await officer.GetPageAsync("/my-reports");
        var row = Assert.Single(mine.QuerySelectorAll("table.my-reports tbody tr"));
        Assert.Contains("I.4", row.Text(), StringComparison.Ordinal);
        Assert.Contains("Not yet updated", row.Text(), StringComparison.Ordinal);
        Assert.Equal($"{Rounds}/{Session}/reports/{id}", row.QuerySelector("th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Members_cannot_assign_and_an_officer_without_assignments_sees_none()
    {
        var member = await app.SignedInClientAsync(Roles.Member, "CTP");
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var id = file!.Activities[0].Id!.Value;

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/programmes/{SeedFile.PtcSlug}/activities/{id}/assign")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/my-reports")).StatusCode);
        Assert.Contains("Aucun rapport à rédiger", (await editor.GetPageAsync("/my-reports")).QuerySelector("#no-reports").Text(), StringComparison.Ordinal);
    }
}
