using Microsoft.Playwright;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// A second committee from scratch in the browser (issue 19): a new body, a Strategic Plan with two codes, a programme
/// for the body on that plan, its first activity citing one of the plan's codes, and the annex in Word, which holds it
/// (docs/decisions/0039, 0049). The body is added in the arrangement, as <c>wp import</c> brings bodies today: adding
/// one in the browser is not a page yet (docs/decisions/0042).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewCommitteeJourney(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_administrator_creates_a_plan_and_a_programme_for_a_new_committee_adds_its_first_activity_and_exports_the_annex()
    {
        var ui = EditorUi.For("en");
        var run = Guid.NewGuid().ToString("N")[..6];
        var body = $"CSR{run}".ToUpperInvariant();
        var slug = $"csr-2026-2029-{run}";
        var title = $"Security Committee Work Programme 2026-2029 ({run})";
        var activity = $"Map the supply chain security tools ({run})";
        await app.Database.RunAsync<WorkProgrammeDb>(async db =>
        {
            db.Bodies.Add(new Body(body, new BilingualText($"CS{run}", $"SC{run}"),
                new BilingualText($"Comité de la sécurité ({run})", $"Security Committee ({run})"), BodyKind.Committee));
            await db.SaveChangesAsync();
        });
        var admin = await app.UserAsync(Roles.Admin);
        page = await app.NewPageAsync("en");
        await (await SignInPage.OpenAsync(page, RoundUi.For("en"))).SignInAsync(admin.Email, admin.Password);

        // The plan, and its two codes.
        await AdminMenu.FollowAsync(page, "Strategic Plans");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Strategic Plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "New Strategic Plan", Exact = true }).ClickAsync();
        await page.Locator("input[name=Period]").FillAsync("2026-2029");
        await page.Locator("input[name=TitleFr]").FillAsync("Plan stratégique de l’OMD 2026–2029");
        await page.Locator("input[name=TitleEn]").FillAsync("WCO Strategic Plan 2026–2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the plan", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h1")).ToContainTextAsync("WCO Strategic Plan 2026–2029");
        foreach (var (code, fr, en) in new[] { ("SC1", "Chaîne logistique sûre", "Secure supply chain"), ("SC2", "Gestion des risques", "Risk management") })
        {
            var add = page.Locator("#add-code");
            await add.Locator("input[name=Code]").FillAsync(code);
            await add.Locator("select[name=Group]").SelectOptionAsync("StrategicObjective");
            await add.Locator("textarea[name=LabelFr]").FillAsync(fr);
            await add.Locator("textarea[name=LabelEn]").FillAsync(en);
            await add.GetByRole(AriaRole.Button, new() { Name = "Add the code", Exact = true }).ClickAsync();
            await Expect(page.Locator($"[data-testid=plan-codes] tr[data-code={code}]")).ToBeVisibleAsync();
        }

        // The programme, on that plan.
        await AdminMenu.FollowAsync(page, "New programme");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("New programme");
        await page.Locator("input[name=Slug]").FillAsync(slug);
        await page.Locator("select[name=BodyCode]").SelectOptionAsync(body);
        await page.Locator("input[name=Period]").FillAsync("2026-2029");
        await page.Locator("select[name=Plan]").SelectOptionAsync("2026-2029");
        await page.Locator("input[name=TitleFr]").FillAsync($"Programme de travail 2026-2029 du comité de la sécurité ({run})");
        await page.Locator("input[name=TitleEn]").FillAsync(title);
        await page.Locator("input[name=Symbol]").FillAsync("SC0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the programme", Exact = true }).ClickAsync();

        // Its first activity: the new plan's codes are offered, the 2022–2025 plan's are not.
        var programme = await ProgrammePage.ShownAsync(page, ui.Reader);
        await Expect(programme.Title).ToContainTextAsync(title);
        await page.GetByRole(AriaRole.Link, new() { Name = "New activity", Exact = true }).ClickAsync();
        await Expect(page.Locator("input[name='Form.PlanCodes']")).ToHaveCountAsync(2);
        await Expect(page.Locator("input[name='Form.PlanCodes'][value=PS1]")).ToHaveCountAsync(0);
        await page.Locator("select[name=Section]").SelectOptionAsync("permanent");
        await page.Locator("select[name='Form.Priority']").SelectOptionAsync("A");
        await page.Locator("input[name='Form.PlanCodes'][value=SC2]").CheckAsync();
        await page.Locator("textarea[name='Form.TitleFr']").FillAsync($"Recenser les outils de sécurité de la chaîne logistique ({run})");
        await page.Locator("textarea[name='Form.TitleEn']").FillAsync(activity);
        await page.Locator("textarea[name='Form.DeadlineFr']").FillAsync("Travail continu");
        await page.Locator("textarea[name='Form.DeadlineEn']").FillAsync("Continuous work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the activity", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h1")).ToContainTextAsync(activity);

        var shown = await ProgrammePage.OpenAsync(page, ui.Reader, slug);
        var word = await Downloaded.ByClickingAsync(page, shown.DownloadLink(ui.WordLink));
        var text = word.WordText();
        Assert.Contains(activity, text, StringComparison.Ordinal);
        Assert.Contains("SC2", text, StringComparison.Ordinal);

        // The plans page counts the programme that follows the new plan.
        await AdminMenu.FollowAsync(page, "Strategic Plans");
        await Expect(page.Locator("[data-testid=plans] tr", new() { HasText = "2026-2029" })).ToContainTextAsync("1 programme");
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
