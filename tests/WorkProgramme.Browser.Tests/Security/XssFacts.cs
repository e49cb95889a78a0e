using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Spreadsheets;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Browser.Tests.Security;

/// <summary>
/// Script payloads written through the API into activity texts (title and key performance indicators, French and
/// English), then every page that shows them opened in chromium by the public, a committee member, an editor and an
/// admin. A payload that ran would call <c>__xss</c> (a function exposed by the test) or open a dialog; one that was
/// parsed as markup but stopped by the CSP would raise a <c>securitypolicyviolation</c> or leave an event-handler
/// attribute in the DOM: all four must stay at zero, and every HTML response must carry the CSP header. The same
/// texts come back literally in the JSON, Excel and Word exports. Its own server and database (the payloads stay out of
/// the journeys' data). Figures: docs/reliability.md.
/// </summary>
public sealed class XssFacts(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Slug = SeedFile.PtcSlug;

    public static readonly string[] Payloads =
    [
        "<script>__xss('script')</script>",
        "<img src=x onerror=__xss('img')>",
        "<svg onload=__xss('svg')>",
        "\"><img src=x onerror=__xss('attr-dq')>",
        "'><svg/onload=__xss('attr-sq')>",
        "</textarea><script>__xss('textarea')</script>",
        "</title><script>__xss('title')</script>",
        "<iframe srcdoc=\"<script>parent.__xss('srcdoc')</script>\"></iframe>",
        "<a href=\"javascript:__xss('js-link')\">link</a>",
        "[click](javascript:__xss('markdown'))",
        "<details open ontoggle=__xss('details')>",
        "\" autofocus onfocus=\"__xss('autofocus')",
        "<img src=x onerror=alert('dialog')>",
        "</script><script>__xss('close-script')</script>",
        "<math><mtext><table><mglyph><style><img src=x onerror=__xss('mxss')>",
        "{{constructor.constructor('__xss(\"template\")')()}}",
    ];

    // Style violations count too: the digest preview is styled by classes, not inline styles (decision 0008).
    private const string Scan = """
        () => ({
            handlers: document.querySelectorAll('[onerror],[onload],[ontoggle],[onfocus],[onclick],[onmouseover],iframe[srcdoc],script:not([src])').length
                + [...document.querySelectorAll('a[href]')].filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
            violations: (window.__cspViolations || []).length,
            text: document.body ? document.body.innerText : ''
        })
        """;

    private sealed record Scanned(int Handlers, int Violations, string Text);

    private static async Task<Scanned> ScanAsync(IPage page)
    {
        var found = await page.EvaluateAsync<System.Text.Json.JsonElement>(Scan);
        return new Scanned(found.GetProperty("handlers").GetInt32(), found.GetProperty("violations").GetInt32(), found.GetProperty("text").GetString() ?? "");
    }

    private async Task<HttpClient> ApiAsync()
    {
        var (email, _) = await app.UserAsync(Roles.Admin);
        var secret = await app.Database.RunAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, string>(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            return (await app.Database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user!.Id, "xss"), CancellationToken.None))).Secret;
        });
        var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task Payloads_in_every_activity_text_run_on_no_page_for_any_role_and_come_back_literally_in_the_exports()
    {
        using var api = await ApiAsync();
        var programme = await api.GetFromJsonAsync<ProgrammeFile>($"/api/programmes/{Slug}", ProgrammeJson.Options);
        var targets = programme!.Activities.Where(a => a.Section == "time-bound").Take(Payloads.Length / 2).ToList();
        for (var i = 0; i < targets.Count; i++)
        {
            var url = $"/api/programmes/{Slug}/activities/{targets[i].Id}";
            var get = await api.GetAsync(url);
            var activity = (await get.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!;
            var (first, second) = (Payloads[2 * i], Payloads[(2 * i) + 1]);
            var request = new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = JsonContent.Create(activity with { Title = new TextPair(first, second), Kpi = new TextPair(second, first) }, options: ProgrammeJson.Options),
            };
            request.Headers.IfMatch.Add(get.Headers.ETag!);
            var put = await api.SendAsync(request);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var ids = targets.Select(a => a.Id!.Value).ToList();
        string[] publicPages =
        [
            "/", "/organisation", $"/programmes/{Slug}", $"/programmes/{Slug}?culture=en", $"/programmes/{Slug}/checks",
            $"/programmes/{Slug}/compare?from=2023-10&to=2024-04", $"/programmes/{Slug}/compare?from=2023-10&to=2024-04&lang=en",
            $"/programmes/{Slug}/sessions/ctp-243-244/changes", $"/programmes/{Slug}/dashboard", $"/programmes/{Slug}/versions",
            .. ids.Select(id => $"/programmes/{Slug}/activities/{id}"), .. ids.Take(2).Select(id => $"/programmes/{Slug}/activities/{id}?culture=en"),
        ];
        string[] editorPages =
        [
            $"/programmes/{Slug}/workload", $"/programmes/{Slug}/rounds", "/my-reports",
            $"/programmes/{Slug}/sessions/ctp-243-244/decisions", $"/programmes/{Slug}/sessions/ctp-243-244/digest",
            .. ids.Select(id => $"/programmes/{Slug}/activities/{id}/edit"), .. ids.Take(2).Select(id => $"/programmes/{Slug}/activities/{id}/assign"),
            .. ids.Take(2).Select(id => $"/programmes/{Slug}/rounds/ctp-243-244/reports/{id}"),
        ];
        var roles = new (string Name, string? Role, string? Body, string[] Pages)[]
        {
            ("public", null, null, publicPages),
            ("member", Roles.Member, "CTP", publicPages),
            ("editor", Roles.Editor, "CTP", [.. publicPages, .. editorPages]),
            ("admin", Roles.Admin, null, [.. publicPages, .. editorPages, "/admin/audit", "/admin/sessions"]),
        };

        var executed = new ConcurrentBag<string>();
        var dialogs = new ConcurrentBag<string>();
        var htmlResponses = 0;
        var withCsp = 0;
        var visited = 0;
        var failures = new List<string>();
        foreach (var (name, role, body, pages) in roles)
        {
            var page = await app.NewPageAsync("fr-FR");
            await page.Context.ExposeFunctionAsync("__xss", (string which) => executed.Add($"{name}: {which}"));
            await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective));");
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Add($"{name}: {dialog.Message}");
                await dialog.DismissAsync();
            };
            page.Response += (_, response) =>
            {
                if (response.Request.ResourceType == "document" && response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref htmlResponses);
                    if (response.Headers.TryGetValue("content-security-policy", out var csp) && csp.Contains("script-src 'self'", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref withCsp);
                    }
                }
            };

            if (role is not null)
            {
                var (email, password) = await app.UserAsync(role, body);
                await (await SignInPage.OpenAsync(page, RoundUi.Fr)).SignInAsync(email, password);
            }

            foreach (var path in pages)
            {
                var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
                visited++;
                var scanned = await ScanAsync(page);
                if (response?.Ok != true || scanned.Handlers > 0 || scanned.Violations > 0)
                {
                    failures.Add($"{name} {path}: status {response?.Status}, {scanned.Handlers} handler(s) or inline script(s), {scanned.Violations} CSP violation(s)");
                }
            }

            // The payloads did reach the pages, as text.
            await page.GotoAsync($"/programmes/{Slug}");
            var programmeText = (await ScanAsync(page)).Text;
            Assert.Contains(Payloads[0], programmeText, StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(executed);
        Assert.Empty(dialogs);
        Assert.Equal(htmlResponses, withCsp);

        // Exports: the same characters, as text.
        var json = await api.GetFromJsonAsync<ProgrammeFile>($"/api/programmes/{Slug}", ProgrammeJson.Options);
        var xlsx = await api.GetByteArrayAsync($"/programmes/{Slug}/export.xlsx?lang=fr");
        var docx = await api.GetByteArrayAsync($"/programmes/{Slug}/export.docx?lang=en");
        var sheetTexts = SpreadsheetReader.Read(xlsx).Rows.SelectMany(r => r.Cells.Values).ToHashSet(StringComparer.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var wordText = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        for (var i = 0; i < targets.Count; i++)
        {
            var (first, second) = (Payloads[2 * i], Payloads[(2 * i) + 1]);
            var exported = json!.Activities.Single(a => a.Id == targets[i].Id);
            Assert.Equal(new TextPair(first, second), exported.Title);
            Assert.Contains(first, sheetTexts);
            Assert.Contains(second, wordText, StringComparison.Ordinal);
        }

        output.WriteLine($"payloads={Payloads.Length} fields=4 (title fr/en, kpi fr/en) activities={targets.Count} roles={roles.Length} " +
            $"pages visited={visited} html responses={htmlResponses} with CSP={withCsp} executions={executed.Count} dialogs={dialogs.Count}");
    }
}
