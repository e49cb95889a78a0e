using System.Collections.Concurrent;
using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;

namespace WorkProgramme.Browser.Tests.Security;

/// <summary>
/// What the XSS facts share: the payloads, and chromium pages that record what a payload would do. A payload that ran
/// calls <c>__xss</c> (exposed by the test) or opens a dialog; one parsed as markup but stopped by the CSP raises a
/// <c>securitypolicyviolation</c> or leaves an event-handler attribute, an inline script, an <c>iframe srcdoc</c> or a
/// <c>javascript:</c> link in the live DOM, which <see cref="ScanAsync"/> counts. Every HTML document response is
/// counted, and those carrying the CSP too.
/// </summary>
public sealed class XssProbe
{
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

    private int htmlResponses;
    private int withCsp;

    public ConcurrentBag<string> Executed { get; } = [];

    public ConcurrentBag<string> Dialogs { get; } = [];

    public int HtmlResponses => htmlResponses;

    public int WithCsp => withCsp;

    public sealed record Scanned(int Handlers, int Violations, string Text);

    /// <summary>A fresh page whose executions, dialogs and HTML responses are counted under <paramref name="name"/>.</summary>
    public async Task<IPage> PageAsync(BrowserApp app, string name, string locale = "fr-FR")
    {
        var page = await app.NewPageAsync(locale);
        await page.Context.ExposeFunctionAsync("__xss", (string which) => Executed.Add($"{name}: {which}"));
        await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective));");
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add($"{name}: {dialog.Message}");
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
        return page;
    }

    public static async Task<Scanned> ScanAsync(IPage page)
    {
        var found = await page.EvaluateAsync<System.Text.Json.JsonElement>(Scan);
        return new Scanned(found.GetProperty("handlers").GetInt32(), found.GetProperty("violations").GetInt32(), found.GetProperty("text").GetString() ?? "");
    }

    /// <summary>One role's round: who signs in (no e-mail: the public) and the pages they open.</summary>
    public sealed record Visit(string Role, string? Email, string? Password, IReadOnlyList<string> Pages);

    /// <summary>
    /// Opens each visit's pages in a fresh browser context of its own, signed in first when the visit names a user, and
    /// scans each page; <paramref name="onPage"/> is told each page's role, path, status and scan. What each page showed
    /// as text, by role and path.
    /// </summary>
    public async Task<Dictionary<(string Role, string Path), string>> VisitAsync(BrowserApp app, IEnumerable<Visit> visits,
        Action<string, string, int, Scanned> onPage)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(onPage);
        var seen = new Dictionary<(string Role, string Path), string>();
        foreach (var visit in visits)
        {
            var page = await PageAsync(app, visit.Role);
            if (visit.Email is { } email)
            {
                await (await SignInPage.OpenAsync(page, RoundUi.Fr)).SignInAsync(email, visit.Password ?? "");
            }

            foreach (var path in visit.Pages)
            {
                var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
                var scanned = await ScanAsync(page);
                seen[(visit.Role, path)] = scanned.Text;
                onPage(visit.Role, path, response?.Status ?? 0, scanned);
            }

            await page.Context.CloseAsync();
        }

        return seen;
    }

    /// <summary>Nothing ran, no dialog opened, and every HTML response carried the CSP.</summary>
    public void AssertNothingRan()
    {
        Assert.Empty(Executed);
        Assert.Empty(Dialogs);
        Assert.Equal(HtmlResponses, WithCsp);
    }
}
