using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Decisions;

/// <summary>Record the committee's decisions after the session; see them on the activity; add them as milestones in the next round.</summary>
public sealed class DecisionPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string Decisions = $"/programmes/{SeedFile.PtcSlug}/sessions/ctp-243-244/decisions";

    private async Task<Guid> ActivityIdAsync(int number)
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        return file!.Activities.Single(a => a.Section == "time-bound" && a.Number == number).Id!.Value;
    }

    [Fact]
    public async Task A_recorded_decision_shows_on_the_activity_and_is_added_as_a_milestone_in_the_next_round()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var id = await ActivityIdAsync(1);

        var saved = await editor.PostFormAsync(Decisions, Decisions, new Dictionary<string, string>
        {
            ["ActivityId"] = id.ToString(),
            ["Version"] = await editor.FieldAsync(Decisions, $"#a-{id} input[name=Version]"),
            ["Kind"] = "adopted",
            ["TextFr"] = "Le CTP a adopté la 5ème édition du Recueil.",
            ["TextEn"] = "The PTC adopted the 5th edition of the Compendium.",
            ["DocumentSymbol"] = "PC0760",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await editor.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Decision recorded.", page.QuerySelector("#flash").Text());
        Assert.Contains("Adopted (PC0760)", page.QuerySelector($"#a-{id} .decision__current").Text(), StringComparison.Ordinal);
        var activity = await editor.GetPageAsync($"/programmes/{SeedFile.PtcSlug}/activities/{id}");
        Assert.Contains("The PTC adopted the 5th edition", activity.QuerySelector("#decision-history").Text(), StringComparison.Ordinal);

        await app.Database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
        var rounds = $"/programmes/{SeedFile.PtcSlug}/rounds";
        await editor.PostFormAsync(rounds, rounds, new Dictionary<string, string> { ["session"] = "ctp-245-246" });
        var reportUrl = $"{rounds}/ctp-245-246/reports/{id}";
        var form = await editor.GetPageAsync(reportUrl);
        var offer = form.QuerySelector("fieldset.decision-offers input[name=AddDecisions]");
        Assert.NotNull(offer);
        Assert.Contains("1 April 2024", form.QuerySelector("fieldset.decision-offers").Text(), StringComparison.Ordinal);

        var written = await editor.PostFormAsync(reportUrl, reportUrl, new Dictionary<string, string>
        {
            ["RowVersion"] = form.QuerySelector("input[name=RowVersion]")!.GetAttribute("value")!,
            ["Keyword"] = "completed",
            ["NarrativeEn"] = "Completed.",
            ["AddDecisions"] = offer.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var report = await editor.GetFromJsonAsync<StatusDto>($"/api/programmes/{SeedFile.PtcSlug}/sessions/ctp-245-246/status-reports/{id}", ProgrammeJson.Options);
        var milestone = report!.MilestonesReached.Last();
        Assert.Equal(new DateOnly(2024, 4, 1), milestone.Date);
        Assert.Equal("The committee adopted — 243rd/244th sessions (CTP, PC0760): The PTC adopted the 5th edition of the Compendium.", milestone.Text!.En);
        Assert.Null((await editor.GetPageAsync(reportUrl)).QuerySelector("fieldset.decision-offers"));
    }

    [Fact]
    public async Task A_decision_without_its_kind_is_explained_in_french_and_keeps_the_text()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var id = await ActivityIdAsync(2);
        var before = await app.Database.ContentHashAsync();

        var refused = await editor.PostFormAsync(Decisions, Decisions, new Dictionary<string, string>
        {
            ["ActivityId"] = id.ToString(),
            ["TextFr"] = "Texte conservé.",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Choisissez ce que le comité a décidé.", page.QuerySelector("#decision-problem").Text());
        Assert.Equal("Texte conservé.", page.QuerySelector($"#a-{id} textarea[name=TextFr]").Text());
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task Members_cannot_record_decisions()
    {
        var member = await app.SignedInClientAsync(Roles.Member, "CTP");

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(Decisions)).StatusCode);
    }
}
