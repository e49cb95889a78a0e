using System.Net;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Sessions;

/// <summary>The sessions calendar page: administrators add and reschedule sessions; bad input is explained and changes nothing.</summary>
public sealed class SessionCalendarPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Calendar = "/admin/sessions";

    private static Dictionary<string, string> Fields(string year, string month, string? start = null, string? end = null) => new()
    {
        ["Form.Year"] = year,
        ["Form.Month"] = month,
        ["Form.Season"] = "autumn",
        ["Form.StartDate"] = start ?? "",
        ["Form.EndDate"] = end ?? "",
        ["Form.Place"] = "Bruxelles",
    };

    [Fact]
    public async Task An_administrator_adds_a_session_and_sees_it_in_the_calendar()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var added = await admin.PostFormAsync(Calendar + "?body=CTP", Calendar + "?body=CTP",
            new Dictionary<string, string>(Fields("2025", "10", "2025-10-13", "2025-10-17")) { ["Ordinals"] = "249,250" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Equal("Session added.", page.QuerySelector("#flash").Text());
        var row = page.QuerySelector("tr#ctp-249-250");
        Assert.NotNull(row);
        Assert.Contains("249th/250th", row.Text(), StringComparison.Ordinal);
        Assert.Equal("13 October 2025 – 17 October 2025", row.QuerySelector("td[data-column=dates]")!.Text());
    }

    [Fact]
    public async Task Sessions_are_named_and_dates_no_session_has_are_omitted_rather_than_dashed()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var page = await admin.GetPageAsync(Calendar + "?body=CPG");

        var table = page.QuerySelector("[data-testid=sessions]")!;
        Assert.Equal("88th Session of the PC (June 2023)", table.QuerySelector("tr#cpg-88 th")!.Text());
        Assert.DoesNotContain("—", table.Text(), StringComparison.Ordinal);
        Assert.Null(table.QuerySelector("td[data-column=dates]"));
        Assert.DoesNotContain("cpg-88", table.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "A session in October is not held in summer: choose the month's season, or none.")]
    [InlineData("fr", "Une session en octobre n’a pas lieu en été : choisissez la saison du mois, ou aucune.")]
    public async Task A_season_that_contradicts_the_month_is_questioned_and_nothing_is_saved(string language, string message)
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: language);
        var before = await app.Database.ContentHashAsync();

        var refused = await admin.PostFormAsync(Calendar + "?body=CTP", Calendar + "?body=CTP",
            new Dictionary<string, string>(Fields("2026", "10")) { ["Ordinals"] = "253,254", ["Form.Season"] = "summer" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(message, page.QuerySelector("#session-problem").Text());
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task A_number_already_used_is_refused_in_the_users_language()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: "fr");
        var before = await app.Database.ContentHashAsync();

        var refused = await admin.PostFormAsync(Calendar + "?body=CTP", Calendar + "?body=CTP",
            new Dictionary<string, string>(Fields("2024", "10")) { ["Ordinals"] = "243" });
        var badNumbers = await admin.PostFormAsync(Calendar + "?body=CTP", Calendar + "?body=CTP",
            new Dictionary<string, string>(Fields("2024", "10")) { ["Ordinals"] = "deux cent" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Le CTP a déjà une session portant ce numéro : 243e/244e sessions du CTP (avril 2024).", page.QuerySelector("#session-problem").Text());
        Assert.Equal("243", page.QuerySelector("input[name=Ordinals]")!.GetAttribute("value"));
        Assert.Contains("entiers positifs", await badNumbers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_administrator_reschedules_a_session_and_bad_dates_keep_the_input()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        const string edit = "/admin/sessions/ctp-241-242/edit";
        var form = await admin.GetPageAsync(edit);
        Assert.Equal("2023", form.QuerySelector("input[name='Form.Year']")!.GetAttribute("value"));

        var backwards = await admin.PostFormAsync(edit, edit, new Dictionary<string, string>(Fields("2023", "11", "2023-11-09", "2023-11-06"))
        {
            ["Version"] = await admin.FieldAsync(edit, "input[name=Version]"),
        });
        var backwardsPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await backwards.Content.ReadAsStringAsync());
        Assert.Equal("A session cannot end before it starts.", backwardsPage.QuerySelector("#session-problem").Text());
        Assert.Equal("11", backwardsPage.QuerySelector("select[name='Form.Month'] option[selected]")!.GetAttribute("value"));

        var moved = await admin.PostFormAsync(edit, edit, new Dictionary<string, string>(Fields("2023", "11", "2023-11-06", "2023-11-09"))
        {
            ["Version"] = await admin.FieldAsync(edit, "input[name=Version]"),
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var calendar = await admin.GetPageAsync(moved.Headers.Location!.OriginalString);
        Assert.Equal("Session rescheduled.", calendar.QuerySelector("#flash").Text());
        Assert.Contains("(November 2023)", calendar.QuerySelector("tr#ctp-241-242").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_and_members_cannot_open_the_calendar()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var response = await editor.GetAsync(Calendar);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
