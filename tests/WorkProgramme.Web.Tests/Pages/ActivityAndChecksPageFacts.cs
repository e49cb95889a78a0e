using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Pages;

public sealed class ActivityAndChecksPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug;

    private async Task<string> ActivityUrlAsync(string reference)
    {
        var page = await app.ClientIn(null).GetPageAsync(Url);
        var table = reference.StartsWith("II.", StringComparison.Ordinal) ? page.QuerySelectorAll("table.programme")[1] : page.QuerySelectorAll("table.programme")[0];
        var number = reference[(reference.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return table.QuerySelectorAll("tbody th.col-number a").First(a => a.Text() == number).GetAttribute("href")!;
    }

    [Theory]
    [InlineData("fr", "Organe responsable", "ancien 12", "organe en charge")]
    [InlineData("en", "Responsible body", "formerly 12", "lead body")]
    public async Task Shows_every_field_of_an_activity_its_previous_number_and_status_history(string language, string bodyLabel, string formerly, string lead)
    {
        var url = await ActivityUrlAsync("I.11");

        var page = await app.ClientIn(language).GetPageAsync(url);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var labels = page.QuerySelectorAll(".fields dt").Select(dt => dt.Text()).ToList();
        Assert.Equal(8, labels.Count);
        Assert.Contains(bodyLabel, labels);
        Assert.Contains(formerly, page.QuerySelector(".eyebrow").Text(), StringComparison.Ordinal);
        Assert.Contains(lead, page.QuerySelector(".fields").Text(), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".status-card").Length); // 243rd/244th sessions, and 241st/242nd of the October 2023 version
        Assert.Contains("chaîne de blocs", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_rules_an_activity_breaks()
    {
        var page = await app.ClientIn("en").GetPageAsync(await ActivityUrlAsync("II.20"));

        Assert.Contains(page.QuerySelectorAll(".finding--error"), f => f.Text().Contains("not linked to the Strategic Plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_activity_is_not_found()
    {
        var response = await app.ClientIn(null).GetAsync($"{Url}/activities/{Guid.NewGuid()}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("fr", "Activité non liée au Plan stratégique", "Erreur")]
    [InlineData("en", "Activity not linked to the Strategic Plan", "Error")]
    public async Task The_checks_page_lists_every_violation_grouped_by_rule(string language, string rule, string severity)
    {
        var page = await app.ClientIn(language).GetPageAsync(Url + "/checks");

        var summary = page.QuerySelectorAll("[data-testid^=groups-] tbody tr");
        var notLinked = summary.Single(r => r.QuerySelector("th").Text() == rule);
        Assert.Equal(["1", severity], notLinked.QuerySelectorAll("td").Take(2).Select(td => td.Text()));
        var rows = page.QuerySelectorAll(".findings-table tbody tr");
        Assert.Equal(summary.Sum(r => int.Parse(r.QuerySelectorAll("td")[0].Text(), System.Globalization.CultureInfo.InvariantCulture)), rows.Length);
        Assert.Contains(rows, r => r.QuerySelector("th").Text() == "II.23");
    }

    [Theory]
    [InlineData("en", "to act on: {0}", "for information: {0}")]
    [InlineData("fr", "à traiter : {0}", "pour information : {0}")]
    public async Task Checks_separate_what_an_editor_must_act_on_from_translations_pending_on_the_page_and_the_badge(string language,
        string toActOn, string forInformation)
    {
        var page = await app.ClientIn(language).GetPageAsync(Url + "/checks");
        var programme = await app.ClientIn(language).GetPageAsync(Url);

        int Total(string group) => page.QuerySelectorAll($"[data-testid=groups-{group}] tbody tr")
            .Sum(r => int.Parse(r.QuerySelectorAll("td")[0].Text(), System.Globalization.CultureInfo.InvariantCulture));
        var act = Total("to-act");
        var information = Total("information");
        Assert.Equal(["MissingTranslation"], page.QuerySelectorAll("[data-testid=groups-information] tbody tr").Select(r => r.GetAttribute("data-rule")));
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=groups-to-act] tbody tr"), r => r.GetAttribute("data-rule")!.Contains("Translation", StringComparison.Ordinal));
        Assert.True(information > 50, $"{information} translations pending");
        Assert.Equal(act + information, page.QuerySelectorAll(".findings-table tbody tr").Length);
        var badge = (string.Format(System.Globalization.CultureInfo.InvariantCulture, toActOn, act), string.Format(System.Globalization.CultureInfo.InvariantCulture, forInformation, information));
        Assert.Equal(badge, (page.QuerySelector("[data-testid=to-act-on]")!.Text(), page.QuerySelector("[data-testid=for-information]")!.Text()));
        Assert.Equal(badge, (programme.QuerySelector("[data-testid=to-act-on]")!.Text(), programme.QuerySelector("[data-testid=for-information]")!.Text()));
    }
}
