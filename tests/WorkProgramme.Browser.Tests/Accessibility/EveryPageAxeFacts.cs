using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on every page of the app, as a reader and as the Secretariat, in both languages: every page answers 200 and has
/// no serious or critical violation. A page added without a line here is caught by <see cref="Every_page_of_the_app_is_listed"/>.
/// </summary>
[Collection(EveryPageCollection.Name)]
public sealed class EveryPageAxeFacts(BrowserApp app) : IAsyncLifetime
{
    private const string Programme = "/programmes/ptc-2022-2025";
    private const string Session = "ctp-243-244";

    // A session of its own, after every shipped one, with a round open on it, so the round pages have something to show.
    private const string RoundSession = "ctp-261-262";

    private static readonly SemaphoreSlim RoundOnce = new(1, 1);
    private static bool roundOpened;

    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    internal static string[] ReaderPages(Guid activity) =>
    [
        "/",
        "/organisation",
        Programme,
        Programme + "?version=2023-10",
        $"{Programme}/activities/{activity}",
        $"{Programme}/checks",
        $"{Programme}/compare?from=2023-10&to=2024-04",
        $"{Programme}/versions",
        $"{Programme}/dashboard",
        $"{Programme}/workload",
        $"{Programme}/sessions/{Session}/changes",
        $"{Programme}/sessions/{Session}/digest",
        $"{Programme}/pdf-pending?lang=fr&position=2",
        "/search?q=douane",
        "/account/sign-in",
        "/account/denied",
        "/account/forgotten-password",
        "/account/set-password?token=no-such-link",
    ];

    internal static string[] SecretariatPages(Guid activity, Guid user = default) =>
    [
        "/my-reports",
        "/account/profile",
        "/admin/audit",
        "/admin/sessions",
        $"/admin/sessions/{Session}/edit",
        "/admin/users",
        "/admin/users/invite",
        $"/admin/users/{user}/edit",
        "/admin/mail",
        "/admin/programmes/new",
        "/admin/programmes/archive",
        "/admin/bodies",
        "/admin/bodies/edit?code=CTP",
        "/admin/bodies/new",
        "/admin/plans",
        "/admin/plans/new",
        "/admin/plans/2022-2025",
        "/admin/task-types",
        $"{Programme}/activities/new",
        $"{Programme}/activities/{activity}/edit",
        $"{Programme}/activities/{activity}/assign",
        $"{Programme}/import",
        $"{Programme}/translation",
        "/translation/memory",
        $"{Programme}/rounds",
        $"{Programme}/rounds/{RoundSession}",
        $"{Programme}/rounds/{RoundSession}/reports/{activity}",
        $"{Programme}/sessions/{Session}/decisions",
    ];

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_page_a_reader_sees_has_no_serious_accessibility_violation(string language)
    {
        var page = await PageAsync(language);

        await AssertAccessibleAsync(page, ReaderPages(await ActivityAsync(page)));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_page_of_the_secretariat_has_no_serious_accessibility_violation(string language)
    {
        await OpenRoundAsync();
        var page = await PageAsync(language);
        var admin = await app.NamedUserAsync(Roles.Admin, null, null, null);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(admin.Email, admin.Password);

        await AssertAccessibleAsync(page, SecretariatPages(await ActivityAsync(page), Guid.Parse(admin.Id)));
    }

    [Fact]
    public void Every_page_of_the_app_is_listed()
    {
        // Razor pages of the web project, by route template; the sign-out page only answers a POST and redirects, and the
        // single sign-on page only sends the browser to the identity provider (404 when single sign-on is off, as here).
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute), false))
            .Cast<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute>()
            .Where(a => a.Key == "RouteTemplate")
            .Select(a => a.Value)
            .Where(route => route is not "/account/sign-out" and not "/account/single-sign-on")
            .ToList();
        var listed = ReaderPages(Guid.Empty).Concat(SecretariatPages(Guid.Empty))
            .Select(url => url.Split('?')[0].Replace(Guid.Empty.ToString(), "{id:guid}", StringComparison.Ordinal))
            .Select(url => url.Replace("ptc-2022-2025", "{slug}", StringComparison.Ordinal)
                .Replace(RoundSession, "{session}", StringComparison.Ordinal)
                .Replace(Session, "{session}", StringComparison.Ordinal)
                .Replace("reports/{id:guid}", "reports/{activityId:guid}", StringComparison.Ordinal)
                .Replace("/admin/plans/2022-2025", "/admin/plans/{period}", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.True(listed.Contains(route), $"{route} is not checked by axe here"));
    }

    private async Task<IPage> PageAsync(string language)
    {
        var page = await app.NewPageAsync(language);
        pages.Add(page);
        return page;
    }

    internal static async Task<Guid> ActivityAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/programmes/ptc-2022-2025");
        var file = JsonSerializer.Deserialize<ProgrammeFile>(await response.TextAsync(), ProgrammeJson.Options)!;
        return file.Activities.First(a => a.Section == "time-bound").Id!.Value;
    }

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
                h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [261, 262], 2032, 10, Season.Autumn), CancellationToken.None));
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

    private static async Task AssertAccessibleAsync(IPage page, IEnumerable<string> urls)
    {
        var problems = new StringBuilder();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            if (response?.Status != 200)
            {
                problems.Append('\n').Append($"{url}: HTTP {response?.Status}");
                continue;
            }

            var result = await page.RunAxe();
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                problems.Append('\n').Append($"{url}: {violation.Id} ({violation.Impact}) {violation.Help}: ")
                    .Append(string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString())));
            }
        }

        Assert.True(problems.Length == 0, "Pages that fail:" + problems);
    }

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EveryPageCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser every page";
}
