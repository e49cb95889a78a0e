using System.Net;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Pages;

public sealed class ProgrammePageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug;

    [Fact]
    public async Task Home_lists_the_ptc_programme_in_french_by_default()
    {
        var page = await app.ClientIn(null).GetPageAsync("/");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var card = page.QuerySelector(".card");
        Assert.Contains("Programme de travail révisé 2022-2025 du CTP", card.Text(), StringComparison.Ordinal);
        Assert.Equal(Url, card!.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Shows_both_sections_with_every_row_and_the_template_columns_in_french()
    {
        var page = await app.ClientIn(null).GetPageAsync(Url);

        var tables = page.QuerySelectorAll("table.programme");
        Assert.Equal(2, tables.Length);
        Assert.Equal(42, tables[0].QuerySelectorAll("tbody tr").Length);
        Assert.Equal(52, tables[1].QuerySelectorAll("tbody tr").Length);
        Assert.Equal(
            ["N°", "Niveau de priorité", "Lien avec le Plan stratégique", "Activités", "Plan stratégique de l’OMD", "Type de tâches associées",
             "Organe responsable", "Ressources", "Indicateurs de performance clés", "Délai", "État d’avancement", "Niveau d’exécution"],
            tables[0].QuerySelectorAll("thead th").Select(th => th.Text()));
        Assert.Equal(11, tables[1].QuerySelectorAll("thead th").Length);
        Assert.Equal("I. Activités entreprises dans un délai spécifique (42)", page.QuerySelector("#section-1").Text());
    }

    [Fact]
    public async Task Shows_the_interface_and_content_in_english_and_marks_french_fallback()
    {
        var page = await app.ClientIn("en-GB,en;q=0.9").GetPageAsync(Url);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Revised PTC Work Programme 2022-2025 and status report", page.QuerySelector("h1").Text());
        Assert.Equal("I. Time-bound activities (42)", page.QuerySelector("#section-1").Text());
        var firstTitle = page.QuerySelectorAll("table.programme tbody tr")[0].QuerySelectorAll("td")[2];
        var fallback = firstTitle.QuerySelector(".fallback");
        Assert.NotNull(fallback);
        Assert.Equal("fr", fallback!.GetAttribute("lang"));
        Assert.Contains("Not yet translated", fallback.QuerySelector("abbr")!.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_the_execution_level_in_words_beside_its_colour()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url);

        var levels = page.QuerySelectorAll("table.programme--time-bound td.level");
        Assert.Equal(42, levels.Length);
        Assert.All(levels, cell =>
        {
            var colour = cell.ClassList.Single(c => c.StartsWith("level--", StringComparison.Ordinal))["level--".Length..];
            Assert.Equal(colour, cell.Text().ToLowerInvariant());
        });
        Assert.Contains(levels, cell => cell.Text() == "Green");
        Assert.Contains(levels, cell => cell.Text() == "Blue");
    }

    [Theory]
    [InlineData("?priority=C", 1)]
    [InlineData("?plan=OS2&taskType=development", 0)]
    [InlineData("?body=GTS", 0)]
    [InlineData("?keyword=none", 0)]
    public async Task Filters_rows_from_the_query_string(string query, int atLeast)
    {
        var page = await app.ClientIn(null).GetPageAsync(Url + query);

        var shown = page.QuerySelectorAll("table.programme tbody tr").Length;
        Assert.InRange(shown, atLeast, 93);
        Assert.Matches(shown <= 1 ? $"^{shown} activité affichée sur 94$" : $"^{shown} activités affichées sur 94$", page.QuerySelector(".filters__actions [role=status]").Text());
    }

    [Fact]
    public async Task Marks_renumbered_rows_with_their_previous_number_and_can_show_deleted_rows()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url + "?deleted=true");

        var deleted = page.QuerySelectorAll("tr.row--deleted");
        Assert.Equal(3, deleted.Length);
        Assert.All(deleted, row => Assert.NotNull(row.QuerySelector("del")));
        Assert.Contains(page.QuerySelectorAll(".previous-number"), span => span.Text() == "formerly 12");
    }

    [Fact]
    public async Task Language_comes_from_the_query_then_the_cookie_then_the_browser()
    {
        var client = app.ClientIn("en");
        var fromQuery = await client.GetPageAsync(Url + "?culture=fr");
        Assert.Equal("fr", fromQuery.DocumentElement.GetAttribute("lang"));

        var switched = await client.GetAsync("/language?culture=fr&returnUrl=" + Uri.EscapeDataString(Url));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(Url, switched.Headers.Location!.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("c%3Dfr", cookie, StringComparison.Ordinal);

        var withCookie = new HttpRequestMessage(HttpMethod.Get, Url);
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        var page = await client.SendAsync(withCookie);
        Assert.Contains("<html lang=\"fr\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_away_from_the_site()
    {
        var response = await app.ClientIn(null).GetAsync("/language?culture=en&returnUrl=" + Uri.EscapeDataString("https://evil.example/"));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Writes_french_characters_as_they_are()
    {
        var html = await (await app.ClientIn(null).GetAsync(Url)).Content.ReadAsStringAsync();

        Assert.Contains("Activités entreprises dans un délai spécifique", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xE9;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_programme_is_a_friendly_404_page()
    {
        var response = await app.ClientIn("en").GetAsync("/programmes/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
