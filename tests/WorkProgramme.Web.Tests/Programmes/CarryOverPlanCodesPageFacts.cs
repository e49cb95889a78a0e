using System.Net;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Web.Tests.Programmes;

/// <summary>
/// The next period on a plan that lacks some of the old plan's codes (docs/decisions/0049): the preview names, per
/// activity, the codes the chosen plan does not hold, in the page's language; once confirmed, the checks page lists them.
/// </summary>
public sealed class CarryOverPlanCodesPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Page = "/admin/programmes/new";

    private static List<KeyValuePair<string, string>> Fields(string token) =>
    [
        new("__RequestVerificationToken", token), new("Slug", "ptc-2025-2028"), new("BodyCode", "CTP"), new("Period", "2025-2028"),
        new("CarryOverFrom", "ptc-2022-2025"), new("Plan", "2026-2029"),
    ];

    private async Task NewPlanWithoutFa3Org2AndAllAsync()
    {
        var created = await app.Database.RunAsync<PlanEdits.Handler, Result<string>>(h => h.HandleAsync(
            new PlanEdits.Create(Viewer.Operator, "2026-2029", "Plan stratégique 2026–2029", "Strategic Plan 2026–2029"), CancellationToken.None));
        Assert.True(created.Succeeded);
        foreach (var code in new[] { "PS1", "PS2", "PS3", "PS4", "PS5", "FA1", "FA2", "OS1", "OS2", "ORG1" })
        {
            var version = (await app.Database.RunAsync<PlanDirectory, PlanDirectory.Plan?>(d => d.FindAsync("2026-2029", CancellationToken.None)))!.Version;
            var added = await app.Database.RunAsync<PlanEdits.Handler, Result<string>>(h => h.HandleAsync(new PlanEdits.AddCode(Viewer.Operator, "2026-2029",
                version, code, null, null, code, code, PlanElementGroup.StrategicProcess), CancellationToken.None));
            Assert.True(added.Succeeded);
        }
    }

    [Fact]
    public async Task The_preview_names_the_codes_the_new_plan_lacks_and_the_checks_list_them_once_created()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        await NewPlanWithoutFa3Org2AndAllAsync();
        var token = await admin.AntiforgeryTokenAsync(Page);

        var previewed = await admin.PostAsync(Page, new FormUrlEncodedContent(Fields(token)));
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = new HtmlParser().ParseDocument(await previewed.Content.ReadAsStringAsync());
        var flagged = preview.QuerySelectorAll("[data-testid=carry-over-preview] tbody tr")
            .Where(r => r.QuerySelector("[data-testid=codes-not-in-plan] .badge") is not null).ToList();
        Assert.NotEmpty(flagged);
        Assert.True(flagged.Count < 94);
        Assert.All(flagged, row =>
        {
            Assert.Equal("Not in the plan 2026–2029: kept and flagged, to replace", row.QuerySelector("[data-testid=codes-not-in-plan] .badge")!.Text());
            Assert.All(row.QuerySelectorAll("[data-testid=codes-not-in-plan] li"), li =>
                Assert.Matches("^(FA3|ORG2|ALL) — .+", li.Text().Trim()));
        });

        var french = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: "fr");
        var frenchToken = await french.AntiforgeryTokenAsync(Page);
        var enFrancais = await french.PostAsync(Page, new FormUrlEncodedContent(Fields(frenchToken)));
        Assert.Contains("Absent du plan 2026–2029 : gardé et signalé, à remplacer", await enFrancais.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var state = preview.QuerySelector("input[name=PreviewState]")!.GetAttribute("value")!;
        var ticked = preview.QuerySelectorAll("input[name=Chosen][checked]").Select(i => new KeyValuePair<string, string>("Chosen", i.GetAttribute("value")!));
        var confirmed = await admin.PostAsync(Page, new FormUrlEncodedContent([.. Fields(token), new("PreviewState", state), .. ticked]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var checks = await admin.GetPageAsync("/programmes/ptc-2025-2028/checks");
        var group = checks.QuerySelector("[data-testid=groups-to-act] tr[data-rule=CodeNotInPlan]")!;
        Assert.Contains("Code not in the plan", group.Text(), StringComparison.Ordinal);
        Assert.Contains("not in the plan 2026–2029: ", checks.QuerySelector("#rule-CodeNotInPlan")!.ParentElement!.Text(), StringComparison.Ordinal);
    }
}
