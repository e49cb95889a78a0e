using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// A second committee from scratch in the browser: an administrator creates the Enforcement Committee's programme (a body
/// the seed holds), adds its first activity, and downloads the annex in Word, which holds it (docs/decisions/0039).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewCommitteeJourney(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_administrator_creates_a_programme_for_another_committee_adds_its_first_activity_and_exports_the_annex()
    {
        var ui = EditorUi.For("en");
        var run = Guid.NewGuid().ToString("N")[..6];
        var slug = $"clf-2025-2028-{run}";
        var title = $"EC Work Programme 2025-2028 ({run})";
        var activity = $"Follow the enforcement tools ({run})";
        var admin = await app.UserAsync(Roles.Admin);
        page = await app.NewPageAsync("en");
        await (await SignInPage.OpenAsync(page, RoundUi.For("en"))).SignInAsync(admin.Email, admin.Password);

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "New programme", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("New programme");
        await page.Locator("input[name=Slug]").FillAsync(slug);
        await page.Locator("select[name=BodyCode]").SelectOptionAsync("CLF");
        await page.Locator("input[name=Period]").FillAsync("2025-2028");
        await page.Locator("input[name=TitleFr]").FillAsync($"Programme de travail 2025-2028 du CLF ({run})");
        await page.Locator("input[name=TitleEn]").FillAsync(title);
        await page.Locator("input[name=Symbol]").FillAsync("EC0800");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the programme", Exact = true }).ClickAsync();

        var programme = await ProgrammePage.ShownAsync(page, ui.Reader);
        await Expect(programme.Title).ToContainTextAsync(title);
        await page.GetByRole(AriaRole.Link, new() { Name = "New activity", Exact = true }).ClickAsync();
        await page.Locator("select[name=Section]").SelectOptionAsync("permanent");
        await page.Locator("select[name='Form.Priority']").SelectOptionAsync("A");
        await page.Locator("input[name='Form.PlanCodes'][value=PS1]").CheckAsync();
        await page.Locator("textarea[name='Form.TitleFr']").FillAsync($"Suivre les outils de lutte contre la fraude ({run})");
        await page.Locator("textarea[name='Form.TitleEn']").FillAsync(activity);
        await page.Locator("textarea[name='Form.DeadlineFr']").FillAsync("Travail continu");
        await page.Locator("textarea[name='Form.DeadlineEn']").FillAsync("Continuous work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the activity", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h1")).ToContainTextAsync(activity);

        var shown = await ProgrammePage.OpenAsync(page, ui.Reader, slug);
        var word = await Downloaded.ByClickingAsync(page, shown.DownloadLink(ui.WordLink));
        var text = word.WordText();
        Assert.Contains(activity, text, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
