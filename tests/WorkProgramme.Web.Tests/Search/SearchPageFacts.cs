using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Web.Tests.Search;

/// <summary>The search box, its page and GET /api/search over HTTP (docs/decisions/0041).</summary>
public sealed class SearchPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Hostile = "Étudier <script>alert(1)</script> la Zyxolite & co";

    /// <summary>A published programme whose only activity's title holds markup, added once (the fixture is shared).</summary>
    private async Task ArrangeAsync()
    {
        await app.ClientIn(null).GetAsync("/");
        await app.Database.RunAsync<WorkProgrammeDb>(async db =>
        {
            if (await db.Programmes.AnyAsync(p => p.Slug == "search-http"))
            {
                return;
            }

            var session = await db.Sessions.Where(s => s.BodyCode == "CTP").OrderBy(s => s.Key).Select(s => s.Key).FirstAsync();
            var programme = new Programme("search-http", "CTP", 2025, 2028, new BilingualText("Programme de recherche", "Search programme"));
            var version = programme.AddVersion("v1", null, session);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            var id = Guid.NewGuid();
            db.Activities.Add(new Activity(id, programme.Id));
            version.AddActivity(id, new ActivityContent { Section = Section.TimeBound, Number = 1, Title = new BilingualText(Hostile, "Study the Zyxolite") });
            version.Endorse(session);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Every_page_has_the_search_box()
    {
        var page = await app.ClientIn(null).GetPageAsync("/organisation");

        var box = page.QuerySelector("header form[role=search] input[type=search][name=q]");
        Assert.NotNull(box);
        Assert.Equal("Rechercher dans les programmes", page.QuerySelector($"label[for={box!.Id}]").Text());
    }

    [Fact]
    public async Task The_page_marks_the_words_found_and_shows_markup_in_the_text_as_text()
    {
        await ArrangeAsync();

        var response = await app.ClientIn(null).GetAsync("/search?q=zyxolite");
        var html = await response.Content.ReadAsStringAsync();
        var page = await app.ClientIn(null).GetPageAsync("/search?q=ZYXOLITE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var hit = Assert.Single(page.QuerySelectorAll("[data-testid=search-hit]"));
        Assert.Empty(hit.QuerySelectorAll("script"));
        Assert.Equal(["Zyxolite"], hit.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal("1 résultat", page.QuerySelector("#h-results").Text());
        Assert.Equal("ZYXOLITE", page.QuerySelector("header input[name=q]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData(null, "Les 50 premiers résultats", "D’autres résultats existent")]
    [InlineData("en", "The first 50 results", "There are more results")]
    public async Task A_page_cut_short_says_it_shows_the_first_results_and_that_there_are_more(string? language, string heading, string more)
    {
        // "rapport" is in far more than 50 activities and reports of the PTC programme.
        var page = await app.ClientIn(language).GetPageAsync("/search?q=rapport");

        Assert.Equal(50, page.QuerySelectorAll("[data-testid=search-hit]").Length);
        Assert.Equal(heading, page.QuerySelector("#h-results").Text());
        Assert.Contains(more, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_typed_fragments_of_plain_text()
    {
        await ArrangeAsync();

        using var response = await app.ClientIn("en").GetAsync("/api/search?q=zyxolite&lang=fr");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(("activity", "search-http", "I.1"), (hit.GetProperty("kind").GetString(), hit.GetProperty("programme").GetString(), hit.GetProperty("label").GetString()));
        var title = hit.GetProperty("title");
        Assert.Equal("fr", title.GetProperty("language").GetString());
        Assert.Equal(Hostile, string.Concat(title.GetProperty("fragments").EnumerateArray().Select(f => f.GetProperty("text").GetString())));
        Assert.Equal(["Zyxolite"], title.GetProperty("fragments").EnumerateArray().Where(f => f.GetProperty("match").GetBoolean()).Select(f => f.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_api_refuses_an_unknown_keyword_in_words()
    {
        using var response = await app.ClientIn("en").GetAsync("/api/search?q=x&keyword=finished");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown keyword 'finished'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
