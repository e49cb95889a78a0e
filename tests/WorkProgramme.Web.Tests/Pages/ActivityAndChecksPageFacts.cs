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

        var summary = page.QuerySelectorAll("section[aria-labelledby=by-rule] tbody tr");
        var notLinked = summary.Single(r => r.QuerySelector("th").Text() == rule);
        Assert.Equal([severity, "1"], notLinked.QuerySelectorAll("td").Select(td => td.Text()));
        var rows = page.QuerySelectorAll(".findings-table tbody tr");
        Assert.Equal(summary.Sum(r => int.Parse(r.QuerySelectorAll("td")[1].Text(), System.Globalization.CultureInfo.InvariantCulture)), rows.Length);
        Assert.Contains(rows, r => r.QuerySelector("th").Text() == "II.23");
    }
}
