using System.Net;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Programmes;

/// <summary>The new programme page (administrators): a programme for another committee, strict input explained in words.</summary>
public sealed class NewProgrammePageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Page = "/admin/programmes/new";

    [Fact]
    public async Task An_administrator_creates_a_programme_for_another_committee_and_lands_on_it()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var created = await admin.PostFormAsync(Page, Page, new Dictionary<string, string>
        {
            ["Slug"] = "clf-2025-2028", ["BodyCode"] = "CLF", ["Period"] = "2025-2028",
            ["TitleFr"] = "Programme de travail 2025-2028 du CLF", ["TitleEn"] = "EC Work Programme 2025-2028", ["Symbol"] = "EC0800", ["CarryOverFrom"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await admin.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("EC Work Programme 2025-2028", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        var home = await admin.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll(".card__title"), t => t.Text() == "EC Work Programme 2025-2028");
    }

    [Theory]
    [InlineData("en", "A programme already has the identifier 'ptc-2022-2025'.")]
    [InlineData("fr", "Un programme porte déjà l’identifiant « ptc-2022-2025 ».")]
    public async Task A_taken_identifier_and_a_wrong_period_are_explained_and_nothing_is_saved(string language, string message)
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: language);
        var before = await app.Database.ContentHashAsync();

        var refused = await admin.PostFormAsync(Page, Page, new Dictionary<string, string>
        {
            ["Slug"] = "ptc-2022-2025", ["BodyCode"] = "CTP", ["Period"] = "2028-2025", ["CarryOverFrom"] = "",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll("#programme-problems li").Select(li => li.Text()).ToList();
        Assert.Contains(message, problems);
        Assert.Equal(2, problems.Count);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_editor_is_not_let_in()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var page = await editor.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("denied", page.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
