using System.Net;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Revisions;

public sealed class ComparePageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug + "/compare";

    [Theory]
    [InlineData("fr", "ancien I.12", "début de suppression", "début d’insertion")]
    [InlineData("en", "formerly I.12", "deletion start", "insertion start")]
    public async Task Compares_the_two_shipped_versions_by_default_with_counts_and_an_announced_redline(
        string language, string formerly, string deletion, string insertion)
    {
        var page = await app.ClientIn(language).GetPageAsync(Url);

        Assert.Contains("2023-10", page.QuerySelector("[data-version=from]").Text(), StringComparison.Ordinal);
        Assert.Contains("2024-04 (PC0756)", page.QuerySelector("[data-version=to]").Text(), StringComparison.Ordinal);
        Assert.Equal(["16", "3", "56", "59", "57", "0"], page.QuerySelectorAll(".summary-counts strong").Select(s => s.Text()));
        var renumbered = page.QuerySelectorAll("article.change").Single(a => a.QuerySelector("h3 a")?.Text() == "I.11");
        Assert.Contains(formerly, renumbered.QuerySelector("h3").Text(), StringComparison.Ordinal);

        // Changes are announced in words, not only by colour or strike-through.
        var title = page.QuerySelectorAll("article.change").Single(a => a.QuerySelector("h3 a")?.Text() == "I.4")
            .QuerySelector("[data-field=Title] .diff")!;
        Assert.Equal("Étude", title.QuerySelector("del")!.TextContent.Replace($"[{deletion}] ", "", StringComparison.Ordinal)
            .Replace($" [{deletion.Replace("start", "end", StringComparison.Ordinal).Replace("début", "fin", StringComparison.Ordinal)}]", "", StringComparison.Ordinal));
        Assert.Contains(deletion, title.QuerySelector("del .visually-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(insertion, title.QuerySelector("ins .visually-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("article.change--retired").Length);
        Assert.Equal(16, page.QuerySelectorAll("article.change--added").Length);
    }

    [Fact]
    public async Task Shows_the_texts_in_the_language_asked_for_falling_back_visibly()
    {
        var page = await app.ClientIn("en").GetPageAsync(Url + "?from=2023-10&to=2024-04&lang=en");

        // Row I.30 was written in both languages; the older rows are in French only and say so with lang="fr".
        var added = page.QuerySelectorAll("article.change").Single(a => a.QuerySelector("h3 a")?.Text() == "I.30");
        Assert.Null(added.QuerySelector("[data-field=Title] .diff")!.GetAttribute("lang"));
        var older = page.QuerySelectorAll("article.change").Single(a => a.QuerySelector("h3 a")?.Text() == "I.4");
        Assert.Equal("fr", older.QuerySelector("[data-field=Title] .diff")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task An_unknown_version_is_not_found()
    {
        var response = await app.ClientIn(null).GetAsync(Url + "?from=1999-01&to=2024-04");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_programme_page_offers_a_version_picker_and_shows_the_older_version_it_names()
    {
        var page = await app.ClientIn("en").GetPageAsync("/programmes/" + SeedFile.PtcSlug + "?version=2023-10");

        Assert.Equal(["2024-04", "2023-10"], page.QuerySelectorAll(".version-picker option").Select(o => o.GetAttribute("value")));
        Assert.Equal("2023-10", page.QuerySelector(".version-picker option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("[data-frozen]"));
        Assert.Equal(29, page.QuerySelectorAll("table.programme")[0].QuerySelectorAll("tbody tr").Length);
    }
}

/// <summary>A revision from start to approval through the pages: its own app, since it changes the programme.</summary>
public sealed class VersionsPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Programme = "/programmes/" + SeedFile.PtcSlug;
    private const string Versions = Programme + "/versions";

    [Fact]
    public async Task An_editor_starts_a_revision_and_records_its_endorsement_and_approval_and_members_may_not()
    {
        var member = await app.SignedInClientAsync("member", "CTP");
        var memberPage = await member.GetPageAsync(Versions);
        Assert.Null(memberPage.QuerySelector("form[action*=Start]"));

        var editor = await app.SignedInClientAsync("editor", "CTP");
        var programme = await editor.GetPageAsync(Programme);
        Assert.NotNull(programme.QuerySelector("#start-revision"));

        // 2024-04 is endorsed: approve it first, then a revision may start.
        var approve = await editor.PostFormAsync(Versions, Versions + "?handler=Adopt",
            new Dictionary<string, string>
            {
                ["Label"] = "2024-04", ["Step"] = "approved", ["Session"] = "conseil-141-142",
                ["Version"] = await editor.FieldAsync(Versions, "form input[name=Version]"),
            });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var refused = await editor.PostFormAsync(Versions, Versions + "?handler=Start",
            new Dictionary<string, string> { ["Label"] = "2024 10", ["Session"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        var started = await editor.PostFormAsync(Versions, Versions + "?handler=Start",
            new Dictionary<string, string> { ["Label"] = "2024-10", ["Session"] = "ctp-243-244" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var list = await editor.GetPageAsync(Versions);
        Assert.Contains("2024-10", list.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Equal(["2024-10", "2024-04", "2023-10"], list.QuerySelectorAll("tr[data-version]").Select(r => r.GetAttribute("data-version")));

        var anonymous = await app.ClientIn("en").GetPageAsync(Versions);
        Assert.Equal(["2024-04", "2023-10"], anonymous.QuerySelectorAll("tr[data-version]").Select(r => r.GetAttribute("data-version")));

        var forbidden = await member.PostFormAsync(Versions, Versions + "?handler=Adopt",
            new Dictionary<string, string> { ["Label"] = "2024-10", ["Step"] = "endorsed", ["Session"] = "ctp-243-244" });
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("denied", forbidden.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Draft", (await editor.GetPageAsync(Versions)).QuerySelector("tr[data-version='2024-10'] .badge")!.ClassName!,
            StringComparison.OrdinalIgnoreCase);

        var endorsed = await editor.PostFormAsync(Versions, Versions + "?handler=Adopt",
            new Dictionary<string, string>
            {
                ["Label"] = "2024-10", ["Step"] = "endorsed", ["Session"] = "ctp-243-244",
                ["Version"] = await editor.FieldAsync(Versions, "form input[name=Version]"),
            });
        Assert.Equal(HttpStatusCode.Redirect, endorsed.StatusCode);
        var page = await editor.GetPageAsync(Versions);
        var row = page.QuerySelector("tr[data-version='2024-10']")!;
        Assert.Equal("243rd/244th Sessions of the PTC (April 2024)", row.QuerySelector("td[data-column=endorsed]")!.Text());
        Assert.DoesNotContain("ctp-", page.QuerySelector("[data-testid=versions]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("compact", page.QuerySelector("[data-testid=versions]")!.ClassName!, StringComparison.Ordinal);
        var approved = page.QuerySelector("tr[data-version='2024-04'] td[data-column=approved]")!.Text();
        Assert.StartsWith("141st/142nd Sessions of the", approved, StringComparison.Ordinal);
        Assert.EndsWith("(June 2023)", approved, StringComparison.Ordinal);
    }
}

public sealed class RevisionApiFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Lists_versions_and_compares_two_of_them_as_json()
    {
        var client = app.ClientIn("en");

        using var versions = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/programmes/{SeedFile.PtcSlug}/versions"));
        Assert.Equal(["2023-10", "2024-04"], versions.RootElement.EnumerateArray().Select(v => v.GetProperty("label").GetString()));
        Assert.Equal("approved", versions.RootElement[0].GetProperty("state").GetString());

        using var comparison = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync($"/api/programmes/{SeedFile.PtcSlug}/compare?from=2023-10&to=2024-04"));
        Assert.Equal(3, comparison.RootElement.GetProperty("summary").GetProperty("retired").GetInt32());
        var i4 = comparison.RootElement.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("newReference").GetString() == "I.4");
        var title = i4.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "title");
        Assert.Contains(title.GetProperty("fr").EnumerateArray(), p => p.GetProperty("kind").GetString() == "deleted" && p.GetProperty("text").GetString() == "Étude");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/programmes/{SeedFile.PtcSlug}/compare?from=2023-10")).StatusCode);
    }
}
