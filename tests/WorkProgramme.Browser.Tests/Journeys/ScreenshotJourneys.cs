using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// The pages a Secretariat officer reads most, in French and English, at 1280 and 1440 px and on a phone (390 px), saved
/// as pictures (bin/…/screenshots/PAGE-LANGUAGE-WIDTH.png) for a person to look at; the ones kept are in docs/images.
/// Every page answers, shows its heading and, on a desktop window, never scrolls sideways.
/// </summary>
[Collection(ScreenshotCollection.Name)]
public sealed class ScreenshotJourneys(BrowserApp app) : IAsyncLifetime
{
    private const string Programme = "/programmes/ptc-2022-2025";

    // The session after the shipped ones, with its round open, so the rounds page and the report form have one to show.
    private const string RoundSession = "ctp-245-246";

    private static readonly int[] Widths = [1280, 1440, 390];

    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_main_pages_are_pictured_at_two_desktop_widths_and_a_phone_width(string language)
    {
        await OpenRoundAsync();
        page = await app.NewPageAsync(language);
        var admin = await app.UserAsync(Roles.Admin);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(admin.Email, admin.Password);
        var activity = await ActivityAsync();

        (string Name, string Url, string? ScrollTo, bool FullPage)[] pages =
        [
            ("programme", Programme, null, false),
            ("programme-table", Programme, "h2#section-1", false),
            ("dashboard", $"{Programme}/dashboard", null, true),
            ("rounds", $"{Programme}/rounds", null, false),
            ("report-form", $"{Programme}/rounds/{RoundSession}/reports/{activity}", null, false),
            ("activity-history", $"{Programme}/activities/{activity}", "#changes", false),
            ("versions", $"{Programme}/versions", null, false),
            ("workload", $"{Programme}/workload", null, false),
            // Date inputs as chromium draws them in the page's language; a body's role chosen on the edit form.
            ("session-dates", "/admin/sessions/ctp-243-244/edit", null, false),
            ("edit-activity-roles", $"{Programme}/activities/{activity}/edit", "fieldset.choices", false),
            // The administrators' reference pages and the archive import.
            ("admin-plans", "/admin/plans", null, false),
            ("admin-plan", "/admin/plans/2022-2025", null, false),
            ("admin-bodies", "/admin/bodies", null, false),
            ("admin-archive", "/admin/programmes/archive", null, false),
            ("admin-task-types", "/admin/task-types", null, false),
            ("translation-memory", "/translation/memory", null, false),
            ("search", "/search?q=rapport", null, false),
        ];

        var problems = new StringBuilder();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width < 800 ? 844 : 900);
            foreach (var (name, url, scrollTo, fullPage) in pages)
            {
                var response = await page.GotoAsync(url);
                if (response?.Status != 200)
                {
                    problems.Append('\n').Append($"{url}: HTTP {response?.Status}");
                    continue;
                }

                await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
                if (scrollTo is not null && await page.Locator(scrollTo).CountAsync() > 0)
                {
                    await page.Locator(scrollTo).First.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
                }

                var (inner, scroll) = await WidthsAsync();
                if (width >= 1280 && scroll > inner)
                {
                    problems.Append('\n').Append($"{url} at {width} px: the page is {scroll} px wide");
                }

                await Screenshots.SaveAsync(page, $"{name}-{language}-{width}", fullPage && width >= 1280);
                if (name == "dashboard")
                {
                    await Screenshots.SaveAsync(page.Locator("#chart-level"), $"dashboard-levels-{language}-{width}");
                }
            }
        }

        Assert.True(problems.Length == 0, "Pages that fail:" + problems);
    }

    private async Task<(double Inner, double Scroll)> WidthsAsync()
    {
        var widths = await page.EvaluateAsync<double[]>("() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]");
        return (widths[0], widths[1]);
    }

    private async Task<Guid> ActivityAsync()
    {
        var response = await page.APIRequest.GetAsync("/api/programmes/ptc-2022-2025");
        var file = JsonSerializer.Deserialize<ProgrammeFile>(await response.TextAsync(), ProgrammeJson.Options)!;
        return file.Activities.First(a => a.Section == "time-bound").Id!.Value;
    }

    private static readonly SemaphoreSlim RoundOnce = new(1, 1);
    private static bool roundOpened;

    private async Task OpenRoundAsync()
    {
        await RoundOnce.WaitAsync();
        try
        {
            if (roundOpened)
            {
                return;
            }

            await app.Database.RunAsync<AddSession.Handler, string>(h =>
                h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
            var opened = await app.Database.RunAsync<OpenRound.Handler, Result<Done>>(h =>
                h.HandleAsync(new OpenRound.Command(Viewer.Operator, "ptc-2022-2025", RoundSession), CancellationToken.None));
            Assert.Null(opened.Failure);
            roundOpened = true;
        }
        finally
        {
            RoundOnce.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ScreenshotCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser screenshots";
}
