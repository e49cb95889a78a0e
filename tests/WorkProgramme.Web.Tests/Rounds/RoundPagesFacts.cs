using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Rounds;

/// <summary>The Secretariat's round through the pages and the API: open, write, review, publish, frozen.</summary>
public sealed class RoundPagesFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Session = "ctp-245-246";
    private const string Rounds = "/programmes/" + SeedFile.PtcSlug + "/rounds";

    private async Task<Guid> ActivityIdAsync(int number)
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        return file!.Activities.Single(a => a.Section == "time-bound" && a.Number == number).Id!.Value;
    }

    [Fact]
    public async Task Two_editors_run_a_round_from_opening_to_publication()
    {
        var alice = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var bob = await app.SignedInClientAsync(Roles.Editor, null);
        await app.Database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));

        var opened = await alice.PostFormAsync(Rounds, Rounds, new Dictionary<string, string> { ["session"] = Session });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var id = await ActivityIdAsync(1);
        var reportUrl = $"{Rounds}/{Session}/reports/{id}";
        var form = await alice.GetPageAsync(reportUrl);
        Assert.Equal("ongoing", form.QuerySelector("#keyword option[selected]")!.GetAttribute("value"));
        Assert.Contains("243rd/244th", form.Body!.TextContent.Replace("ctp-243-244", "243rd/244th", StringComparison.Ordinal), StringComparison.Ordinal);
        var rowVersion = form.QuerySelector("input[name=RowVersion]")!.GetAttribute("value")!;
        var saved = await alice.PostFormAsync(reportUrl, reportUrl, new Dictionary<string, string>
        {
            ["RowVersion"] = rowVersion,
            ["Keyword"] = "completed",
            ["NarrativeFr"] = "Achevé. La 5ème édition du Recueil a été approuvée par le CTP en avril 2024.",
            ["NarrativeEn"] = "Completed. The 5th edition of the Compendium was approved by the PTC in April 2024.",
            ["NextStepsFr"] = "Lettre aux Membres pour la 6ème édition.",
            ["Milestones[0].Date"] = "2024-04-15",
            ["Milestones[0].Fr"] = "Approbation par le CTP",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var round = await bob.GetPageAsync($"{Rounds}/{Session}");
        var reviewForm = round.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Review", StringComparison.Ordinal));
        var reviewed = await bob.PostFormAsync($"{Rounds}/{Session}", reviewForm.GetAttribute("action")!, new Dictionary<string, string>
        {
            ["activityId"] = id.ToString(),
            ["rowVersion"] = reviewForm.QuerySelector("input[name=rowVersion]")!.GetAttribute("value")!,
        });
        Assert.Equal((HttpStatusCode.Redirect, $"{Rounds}/{Session}"), (reviewed.StatusCode, reviewed.Headers.Location?.OriginalString));
        var afterReview = await bob.GetPageAsync(reviewed.Headers.Location!.OriginalString);
        Assert.Contains("Reviewed", afterReview.QuerySelector(".round-table tbody tr").Text(), StringComparison.Ordinal);
        Assert.Equal("Report marked reviewed.", afterReview.QuerySelector("#flash").Text());
        Assert.Null((await bob.GetPageAsync($"{Rounds}/{Session}")).QuerySelector("#flash"));

        var progress = afterReview.QuerySelector("form.publish input[name=version]")!.GetAttribute("value")!;
        var asked = await bob.PostFormAsync($"{Rounds}/{Session}", $"{Rounds}/{Session}?handler=Publish", new Dictionary<string, string> { ["version"] = progress });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var confirm = await bob.GetPageAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("93 reports were not updated", confirm.QuerySelector("#confirm-publish").Text(), StringComparison.Ordinal);
        var published = await bob.PostFormAsync($"{Rounds}/{Session}", $"{Rounds}/{Session}?handler=Publish", new Dictionary<string, string>
        {
            ["confirmed"] = "true",
            ["version"] = confirm.QuerySelector("#confirm-publish input[name=version]")!.GetAttribute("value")!,
        });
        Assert.DoesNotContain("handler", published.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Round published: the session's reports are frozen.", (await bob.GetPageAsync(published.Headers.Location.OriginalString)).QuerySelector("#flash").Text());

        using var json = JsonDocument.Parse(await app.ClientIn("fr").GetStringAsync($"/api/programmes/{SeedFile.PtcSlug}/sessions/{Session}/status-reports/{id}"));
        Assert.Equal(("completed", "green"), (json.RootElement.GetProperty("keyword").GetString(), json.RootElement.GetProperty("executionLevel").GetString()));
        var programme = await app.ClientIn("en").GetPageAsync("/programmes/" + SeedFile.PtcSlug);
        Assert.Contains("245th/246th", programme.QuerySelector(".facts").Text(), StringComparison.Ordinal);
        Assert.Contains("The 5th edition of the Compendium was approved", programme.QuerySelector("table.programme tbody tr").Text(), StringComparison.Ordinal);
        var changes = await app.ClientIn("en").GetPageAsync($"/programmes/{SeedFile.PtcSlug}/sessions/{Session}/changes");
        var change = Assert.Single(changes.QuerySelectorAll("article.change"));
        Assert.Contains("I.1", change.QuerySelector("h2").Text(), StringComparison.Ordinal);
        Assert.NotNull(change.QuerySelector("ins .visually-hidden"));
        Assert.Contains("[insertion start]", change.QuerySelector("ins").Text(), StringComparison.Ordinal);
        var frozen = await alice.PostFormAsync(reportUrl, reportUrl, new Dictionary<string, string> { ["RowVersion"] = "99", ["Keyword"] = "postponed" });
        Assert.Equal("completed", (await app.ClientIn(null).GetFromJsonAsync<StatusDto>(
            $"/api/programmes/{SeedFile.PtcSlug}/sessions/{Session}/status-reports/{id}", ProgrammeJson.Options))!.Keyword);
        Assert.NotEqual(HttpStatusCode.Redirect, frozen.StatusCode);
    }

    [Fact]
    public async Task Members_cannot_open_rounds_and_the_public_cannot_see_draft_reports()
    {
        var member = await app.SignedInClientAsync(Roles.Member, "CTP");

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(Rounds)).StatusCode);
        var id = await ActivityIdAsync(2);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientIn(null).GetAsync($"/api/programmes/{SeedFile.PtcSlug}/sessions/ctp-999/status-reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientIn(null).GetAsync($"/api/programmes/{SeedFile.PtcSlug}/sessions/ctp-243-244/status-reports/{id}")).StatusCode);
    }
}

/// <summary>The rounds list: each session by its name with where its reports stand, and "Open" only where it can work.</summary>
public sealed class RoundsListFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Rounds = "/programmes/" + SeedFile.PtcSlug + "/rounds";

    [Theory]
    [InlineData("en", 247, "243rd/244th Sessions of the PTC (April 2024)", "Published with the programme (no round)", "Not opened yet")]
    [InlineData("fr", 251, "243e/244e sessions du CTP (avril 2024)", "Publiés avec le programme (sans cycle)", "Pas encore ouvert")]
    public async Task Shows_each_sessions_round_state_and_offers_open_only_for_a_session_without_reports(string language, int ordinal,
        string name, string imported, string notOpened)
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", language);
        var key = await app.Database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [ordinal, ordinal + 1], 2027 + (ordinal % 10), 4, Season.Spring), CancellationToken.None));

        var page = await editor.GetPageAsync(Rounds);

        var published = page.QuerySelector("tr[data-session=ctp-243-244]")!;
        Assert.Equal(name, published.QuerySelector("th")!.Text());
        Assert.Equal(imported, published.QuerySelectorAll("td")[0].Text().Trim());
        Assert.Null(published.QuerySelector("button, a"));
        var fresh = page.QuerySelector($"tr[data-session={key}]")!;
        Assert.Equal(notOpened, fresh.QuerySelectorAll("td")[0].Text().Trim());
        Assert.NotNull(fresh.QuerySelector("form button[type=submit]"));
        Assert.All(page.QuerySelectorAll("tbody form"), f => Assert.Equal("notopened", f.Closest("tr")!.GetAttribute("data-state")));
        Assert.DoesNotContain("ctp-2", page.QuerySelector("[data-testid=rounds]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_round_shows_its_progress_and_links_to_the_round_instead_of_offering_to_open_it()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        await app.Database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [249, 250], 2025, 10, Season.Autumn), CancellationToken.None));
        await editor.PostFormAsync(Rounds, Rounds, new Dictionary<string, string> { ["session"] = "ctp-249-250" });

        var row = (await editor.GetPageAsync(Rounds)).QuerySelector("tr[data-session=ctp-249-250]")!;

        Assert.Contains("updated: 0 of 94 · reviewed: 0", row.Text(), StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form"));
        Assert.Equal($"{Rounds}/ctp-249-250", row.QuerySelector("a.button")!.GetAttribute("href"));
    }
}
