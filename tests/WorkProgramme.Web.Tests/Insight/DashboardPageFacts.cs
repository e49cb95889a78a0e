using System.Net;
using AngleSharp.Dom;
using WorkProgramme.Testing;
using WorkProgramme.Web.Pages.Programmes;

namespace WorkProgramme.Web.Tests.Insight;

/// <summary>The dashboard shows each chart's numbers three ways (bars, table, text alternative), and they agree.</summary>
public sealed class DashboardPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug + "/dashboard";

    private static IElement Chart(IDocument page, string id) => page.QuerySelector($"figure[data-chart={id}]")!;

    private static Dictionary<string, int> BarTotals(IElement chart) => chart.QuerySelectorAll("g.chart__bar")
        .ToDictionary(g => g.GetAttribute("data-label")!, g => int.Parse(g.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture));

    private static Dictionary<string, int> TableTotals(IElement chart) => chart.QuerySelectorAll("table tbody tr")
        .ToDictionary(r => r.QuerySelector("th")!.Text(), r => int.Parse(r.QuerySelectorAll("td")[0].Text().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("fr", "Tableau de bord", "Vert", "Non renseigné")]
    [InlineData("en", "Dashboard", "Green", "Blank")]
    public async Task Shows_the_execution_levels_and_priorities_of_the_ptc_programme(string language, string title, string green, string blank)
    {
        var page = await app.ClientIn(language).GetPageAsync(Url);

        Assert.Equal(title, page.QuerySelector("h1")!.Text());
        Assert.Equal("94", page.QuerySelector("[data-testid=activity-count]")!.Text());
        var level = Chart(page, "level");
        Assert.Equal(14, BarTotals(level)[green]);
        Assert.Equal(BarTotals(level), TableTotals(level));
        Assert.Equal(6, BarTotals(Chart(page, "priority"))[blank]);
        Assert.Equal(BarTotals(Chart(page, "priority")), TableTotals(Chart(page, "priority")));
    }

    [Theory]
    [InlineData("fr", "Vert", "Bleu", "Rouge", "243e/244e sessions du CTP (avril 2024)")]
    [InlineData("en", "Green", "Blue", "Red", "243rd/244th Sessions of the PTC (April 2024)")]
    public async Task Each_level_bar_is_in_its_level_colour_and_sessions_are_named_with_the_word_sessions(
        string language, string green, string blue, string red, string session)
    {
        var page = await app.ClientIn(language).GetPageAsync(Url);

        var level = Chart(page, "level");
        string Fill(string word) => level.QuerySelectorAll("g.chart__bar").Single(g => g.GetAttribute("data-label") == word)
            .QuerySelector("rect")!.GetAttribute("class")!;
        Assert.Equal("chart-fill--green", Fill(green));
        Assert.Equal("chart-fill--blue", Fill(blue));
        Assert.Equal("chart-fill--red", Fill(red));
        // The table gives the colour beside the word, and its number headings sit over their numbers.
        Assert.Equal("chart-fill--green", level.QuerySelector("tbody tr th svg rect")!.GetAttribute("class"));
        Assert.All(level.QuerySelectorAll("thead th").Skip(1), th => Assert.Contains("num", th.ClassList));
        Assert.Contains(session, page.QuerySelector(".page-head .facts")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_chart_is_an_image_with_a_text_alternative_and_a_table()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url);

        var charts = page.QuerySelectorAll("figure.chart");
        Assert.Equal(7, charts.Length);
        foreach (var chart in charts)
        {
            var svg = chart.QuerySelector("svg.chart__svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(labelledBy, id => Assert.NotNull(page.GetElementById(id)));
            Assert.NotEmpty(chart.QuerySelector("desc")!.Text());
            Assert.Equal(chart.QuerySelectorAll("g.chart__bar").Length, chart.QuerySelectorAll("table tbody tr").Length);
        }

        Assert.Contains("Blue: 73 (77.7%)", Chart(page, "level").QuerySelector("desc")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_matrix_stacks_levels_and_shows_the_broken_link_rule()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url);

        var coverage = Chart(page, "coverage");
        var ps1 = coverage.QuerySelectorAll("g.chart__bar").First(g => g.GetAttribute("data-label")!.StartsWith("SP1", StringComparison.Ordinal));
        Assert.Equal(["6", "13", "4"], ps1.QuerySelectorAll("rect").Select(r => r.GetAttribute("data-value")!));
        var rule = page.QuerySelector("[data-testid=link-rule]")!;
        Assert.Contains("93 of 94", rule.Text(), StringComparison.Ordinal);
        Assert.Contains("II.20", rule.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_the_overdue_activity_and_the_deadlines_of_the_next_two_sessions()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url);

        Assert.Equal(["I.8"], page.QuerySelectorAll("section[aria-labelledby=h-overdue] tbody th").Select(t => t.Text()));
        Assert.Equal(2, page.QuerySelectorAll("section[aria-labelledby=h-next] table").Length);
        Assert.Equal(13, page.QuerySelectorAll("section[aria-labelledby=h-next] table")[0].QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task An_unknown_programme_has_no_dashboard()
    {
        var response = await app.ClientIn(null).GetAsync("/programmes/nope/dashboard");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The calendar feed over HTTP: anonymous for a published programme, iCalendar that Ical.Net reads back.</summary>
public sealed class CalendarFeedFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Serves_the_published_programme_calendar_to_anyone()
    {
        var response = await app.ClientIn("en").GetAsync("/programmes/" + SeedFile.PtcSlug + "/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(97, calendar.Events.Count);
        Assert.Contains(calendar.Events, e => e.Summary == "243rd/244th Sessions of the PTC (April 2024)");
    }

    [Fact]
    public async Task An_unknown_programme_has_no_calendar()
    {
        var response = await app.ClientIn(null).GetAsync("/programmes/nope/calendar.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The workload page: totals per unit in the reader's language, and the texts it could not count shown as written.</summary>
public sealed class WorkloadPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("fr", "Sous-direction de la facilitation", "98–144")]
    [InlineData("en", "Facilitation Sub-Directorate", "98–144")]
    public async Task Totals_officers_per_unit_and_shows_unsure_texts_as_written(string language, string unit, string officers)
    {
        var page = await app.ClientIn(language).GetPageAsync("/programmes/" + SeedFile.PtcSlug + "/workload");

        var first = page.QuerySelector("[data-testid=by-unit] tbody tr")!;
        Assert.Equal(unit, first.QuerySelector("th")!.Text());
        Assert.Equal(officers, first.QuerySelector("td")!.Text());
        var unsure = page.QuerySelectorAll("[data-testid=unsure] tbody tr");
        Assert.Equal(6, unsure.Length);
        Assert.Contains(unsure, r => r.Text().Contains("Origin", StringComparison.Ordinal));
        Assert.Equal("img", page.QuerySelector("figure[data-chart=unit] svg.chart__svg")!.GetAttribute("role"));
    }
}

/// <summary>The workload page says what its totals count and labels staff time as an estimate with its method.</summary>
public sealed class WorkloadMethodFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("en", null, "Officer-activities", "12.1–17.9", "10 % of a full-time post", "not a headcount")]
    [InlineData("fr", null, "Agents-activités", "12,1–17,9", "10 % d’un temps plein", "pas un effectif")]
    [InlineData("en", "?share=20", "Officer-activities", "24.2–35.8", "20 % of a full-time post", "not a headcount")]
    public async Task Totals_are_officer_activities_and_staff_time_is_an_estimate_with_its_method(string language, string? query,
        string measure, string fte, string method, string notHeadcount)
    {
        var page = await app.ClientIn(language).GetPageAsync("/programmes/" + SeedFile.PtcSlug + "/workload" + query);

        Assert.Equal(measure, page.QuerySelector("[data-testid=by-unit] thead th:nth-child(2)")!.Text());
        Assert.Equal(fte, page.QuerySelector("[data-testid=fte]")!.Text());
        Assert.Equal(fte, page.QuerySelector("[data-testid=by-unit] tfoot td:last-child")!.Text());
        Assert.Equal(fte, page.QuerySelector("[data-testid=by-priority] tfoot td:last-child")!.Text());
        var explained = page.QuerySelector("[data-testid=method]")!.Text();
        Assert.Contains(method, explained, StringComparison.Ordinal);
        Assert.Contains(notHeadcount, explained, StringComparison.Ordinal);
    }
}

/// <summary>The session digest: a page previewing the e-mail and the same body as a downloadable HTML file.</summary>
public sealed class DigestFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug + "/sessions/ctp-243-244/digest";

    [Fact]
    public async Task Previews_the_changes_of_the_session_in_the_readers_language()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url);

        Assert.Contains("What changed since the previous session", page.QuerySelector("[data-testid=digest] h1")!.Text(), StringComparison.Ordinal);
        // Since October 2023: the 57 activities whose status changed and the 16 added (as the compare page counts them; II.22
        // changed only the number of its reference, now stored by id).
        Assert.Equal(73, page.QuerySelectorAll("[data-testid=digest-changes] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("header.site-header"));
    }

    [Fact]
    public async Task Downloads_the_e_mail_body_as_a_standalone_html_file()
    {
        var response = await app.ClientIn("fr").GetAsync(Url + "?handler=download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType
            ?? response.Headers.GetValues("Content-Disposition").Single().Split(';')[0]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ce qui a changé depuis la session précédente", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_is_styled_by_classes_of_the_site_stylesheet_so_the_csp_lets_it_show()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url);

        // The CSP (style-src 'self') blocks every style attribute: the page has none, the digest's elements have classes.
        Assert.Empty(page.QuerySelectorAll("[style]"));
        var digest = page.QuerySelector("[data-testid=digest]")!;
        Assert.Equal("digest", digest.ClassName);
        var classes = digest.QuerySelectorAll("[class]").SelectMany(e => e.ClassList).Distinct().ToList();
        Assert.Contains("digest__level--blue", classes);
        Assert.All(classes, c => Assert.True(DigestStyle.Rules.ContainsKey(c), c));
        Assert.Equal(4 + (73 * 4), digest.QuerySelectorAll("th[class], td[class]").Length); // 4 headings, 73 rows of 4 cells
    }

    [Fact]
    public async Task The_e_mail_body_keeps_its_styles_inline_and_the_stylesheet_holds_the_same_rules()
    {
        var client = app.ClientIn("en");
        var file = await client.GetPageAsync(Url + "?handler=download");
        var css = await client.GetStringAsync("/css/site.css");

        var digest = file.QuerySelector("[data-testid=digest]")!;
        Assert.Equal(DigestStyle.Rules["digest"], digest.GetAttribute("style"));
        Assert.Empty(file.QuerySelectorAll("[class]"));
        Assert.Equal(4 + (73 * 4), digest.QuerySelectorAll("th[style], td[style]").Length); // 4 headings, 73 rows of 4 cells
        Assert.Contains(digest.QuerySelectorAll("strong[style]"), s => s.GetAttribute("style") == "color: #0b5cad;");
        Assert.All(DigestStyle.Rules, rule => Assert.Contains($".{rule.Key} {{ {rule.Value} }}", css, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_session_has_no_digest()
    {
        var response = await app.ClientIn(null).GetAsync("/programmes/" + SeedFile.PtcSlug + "/sessions/nope/digest");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The organisation view: one line per programme, and a search across programmes from the query string.</summary>
public sealed class OrganisationPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Lists_every_programme_with_its_counts()
    {
        var page = await app.ClientIn("en").GetPageAsync("/organisation");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=programmes] tbody tr"));
        Assert.Equal(["PTC", "2024-04", "94", "14", "73", "7", "0", "1"], row.QuerySelectorAll("td").Select(td => td.Text()));
        Assert.Null(page.QuerySelector("[data-testid=matches]"));
    }

    [Fact]
    public async Task Finds_overdue_activities_of_the_facilitation_sub_directorate_across_programmes()
    {
        var page = await app.ClientIn("en").GetPageAsync("/organisation?unit=Facilitation&overdue=true");

        Assert.Equal(["I.8"], page.QuerySelectorAll("[data-testid=matches] tbody th").Select(th => th.Text()));
    }
}
