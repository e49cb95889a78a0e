using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Programmes;

/// <summary>
/// The next period on the page: a preview ticked by the rule, a confirmation refused (409, in words) when the preview is
/// stale, then the new programme with its carried activities linking to their history, and the previous one archived.
/// </summary>
public sealed class CarryOverPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Page = "/admin/programmes/new";

    private static List<KeyValuePair<string, string>> Fields(string token) =>
    [
        new("__RequestVerificationToken", token), new("Slug", "ptc-2025-2028"), new("BodyCode", "CTP"), new("Period", "2025-2028"),
        new("Symbol", "PC0780"), new("CarryOverFrom", "ptc-2022-2025"),
    ];

    [Fact]
    public async Task The_preview_then_the_confirmation_carry_over_the_ticked_activities_and_archive_the_previous_programme()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var token = await admin.AntiforgeryTokenAsync(Page);

        var previewed = await admin.PostAsync(Page, new FormUrlEncodedContent(Fields(token)));
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = new HtmlParser().ParseDocument(await previewed.Content.ReadAsStringAsync());
        var rows = preview.QuerySelectorAll("[data-testid=carry-over-preview] tbody tr");
        Assert.Equal(94, rows.Length);
        var ticked = preview.QuerySelectorAll("input[name=Chosen][checked]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(83, ticked.Count);
        Assert.Contains("83 activities of 94 are carried over by the rule", preview.QuerySelector("[data-testid=carry-over-preview] p").Text(), StringComparison.Ordinal);
        var state = preview.QuerySelector("input[name=PreviewState]")!.GetAttribute("value")!;

        var stale = await admin.PostAsync(Page, new FormUrlEncodedContent([.. Fields(token), new("PreviewState", state + "0"), .. ticked.Select(id => new KeyValuePair<string, string>("Chosen", id))]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("has changed since the preview", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The editor leaves the first one behind.
        var confirmed = await admin.PostAsync(Page, new FormUrlEncodedContent([.. Fields(token), new("PreviewState", state), .. ticked.Skip(1).Select(id => new KeyValuePair<string, string>("Chosen", id))]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var versions = await admin.GetStringAsync("/api/programmes/ptc-2025-2028/versions");
        Assert.Contains("PC0780", versions, StringComparison.Ordinal);

        var home = await admin.GetPageAsync("/");
        var archived = home.QuerySelector(".card[data-archived]")!;
        Assert.Contains("Archived", archived.Text(), StringComparison.Ordinal);
        Assert.NotNull(archived.QuerySelector("a[href='/programmes/ptc-2025-2028']"));
        var organisation = await admin.GetPageAsync("/organisation");
        Assert.Contains("Archived", organisation.QuerySelector("[data-testid=programmes] tr[data-archived]").Text(), StringComparison.Ordinal);

        var show = await admin.GetPageAsync("/programmes/ptc-2025-2028");
        var first = show.QuerySelectorAll("a[href^='/programmes/ptc-2025-2028/activities/']").Select(a => a.GetAttribute("href")!)
            .First(href => Guid.TryParse(href.Split('/')[^1], out _));
        var activity = await admin.GetPageAsync(first);
        var from = activity.QuerySelector("[data-testid=carried-from] a")!;
        Assert.StartsWith("/programmes/ptc-2022-2025/activities/", from.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith("I.3", from.Text(), StringComparison.Ordinal);

        // The archived programme refuses a change over the API, in words, as a conflict; its page hides the edit buttons.
        var oldActivity = from.GetAttribute("href")!;
        var old = await admin.GetPageAsync(oldActivity);
        Assert.NotNull(old.QuerySelector("[data-testid=archived]"));
        Assert.Null(old.QuerySelector($"a[href='{oldActivity}/edit']"));
        var api = await app.ApiClientAsync(Roles.Admin, null);
        var current = await api.GetAsync("/api" + oldActivity);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
        body["title"]!["fr"] = "Un autre intitulé";
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api" + oldActivity) { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(current.Headers.ETag!);
        var refused = await api.SendAsync(put);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("is archived", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
