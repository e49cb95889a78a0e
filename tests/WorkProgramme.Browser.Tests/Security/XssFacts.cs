using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;
using WorkProgramme.Web.Api;
using Xunit.Abstractions;

namespace WorkProgramme.Browser.Tests.Security;

/// <summary>
/// Script payloads written into every text a user can write, through the API where it has an endpoint and through the
/// application's handlers otherwise: activity title and key performance indicators, status-report narrative, next steps
/// and milestones (French and English), members' comments, the committee's decisions (text and document symbol), session
/// places, and users' display names and units. Then every page that shows them is opened in chromium by the public, a
/// committee member, an editor and an admin. A payload that ran would call <c>__xss</c> (a function exposed by the
/// test) or open a dialog; one that was parsed as markup but stopped by the CSP would raise a
/// <c>securitypolicyviolation</c> or leave an event-handler attribute in the DOM: all four must stay at zero, and every
/// HTML response must carry the CSP header. Each kind of text is checked to have reached a page as text, and the same
/// texts come back literally in the JSON, Excel and Word exports. Its own server and database (the payloads stay out of
/// the journeys' data). Figures: docs/reliability.md.
/// </summary>
public sealed class XssFacts(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Slug = SeedFile.PtcSlug;
    private const string Body = "CTP";

    // The shipped session whose round is published: its decisions are recorded now, its reports were seeded.
    private const string Session = "ctp-243-244";

    private static string[] Payloads => XssProbe.Payloads;

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
    public async Task Payloads_in_every_text_a_user_can_write_run_on_no_page_for_any_role_and_come_back_literally_in_the_exports()
    {
        using var api = await ApiAsync();
        var programme = await api.GetFromJsonAsync<ProgrammeFile>($"/api/programmes/{Slug}", ProgrammeJson.Options);
        var targets = programme!.Activities.Where(a => a.Section == "time-bound").Take(Payloads.Length / 2).ToList();
        var ids = targets.Select(a => a.Id!.Value).ToList();

        // Activity texts, through the API: title and KPI, French and English.
        for (var i = 0; i < targets.Count; i++)
        {
            var url = $"/api/programmes/{Slug}/activities/{ids[i]}";
            var get = await api.GetAsync(url);
            var activity = (await get.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!;
            var title = Pair("title", i);
            var request = new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = JsonContent.Create(activity with { Title = title, Kpi = Swapped(Pair("kpi", i)) }, options: ProgrammeJson.Options),
            };
            request.Headers.IfMatch.Add(get.Headers.ETag!);
            await SucceedsAsync(await api.SendAsync(request));
        }

        // Session places, as an administrator adds sessions to the calendar; the first session gets the reporting round.
        var places = new List<string>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var (ordinal, place) = (301 + (2 * i), Marked("place", i));
            places.Add(await app.Database.RunAsync<AddSession.Handler, string>(h => h.HandleAsync(new AddSession.Command(
                Viewer.Operator, Body, [ordinal, ordinal + 1], 2025, 1 + (i % 12), null, Place: place), CancellationToken.None)));
        }

        var round = places[0];

        // User names: the signed-in users' own display names (shown in the header), and officers' names and units.
        var member = await app.NamedUserAsync(Roles.Member, Body, Marked("name", 12), null);
        var editor = await app.NamedUserAsync(Roles.Editor, Body, Marked("name", 13), Marked("unit", 13));
        var admin = await app.NamedUserAsync(Roles.Admin, null, Marked("name", 14), null);
        var officers = new List<string>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            officers.Add((await app.NamedUserAsync(Roles.Editor, Body, Marked("officer", i), Marked("unit", Payloads.Length - 1 - i))).Id);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var assign = new Assignments.Assign(Viewer.Operator, Slug, ids[i], [officers[2 * i], officers[(2 * i) + 1], editor.Id],
                Assignments.VersionOf([]));
            Assert.Null((await app.Database.RunAsync<Assignments.Handler, Result<string>>(h => h.HandleAsync(assign, CancellationToken.None))).Failure);
        }

        // Status reports of a round, through the API: narrative, next steps and a milestone reached, French and English.
        var opened = await app.Database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new OpenRound.Command(Viewer.Operator, Slug, round), CancellationToken.None));
        Assert.Null(opened.Failure);
        for (var i = 0; i < targets.Count; i++)
        {
            var url = $"/api/programmes/{Slug}/sessions/{round}/status-reports/{ids[i]}";
            var get = await api.GetAsync(url);
            await SucceedsAsync(get);
            var report = new StatusDto
            {
                Keyword = "ongoing",
                Text = Pair("narrative", i),
                NextSteps = Swapped(Pair("next", i)),
                MilestonesReached = [new ReachedMilestoneDto(new DateOnly(2024, 12, 1), Pair("milestone", i))],
            };
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(report, options: ProgrammeJson.Options) };
            request.Headers.IfMatch.Add(get.Headers.ETag!);
            await SucceedsAsync(await api.SendAsync(request));
        }

        // Members' comments on those reports, one in French and one in English, as the activity page's form adds them.
        var commenter = new Viewer(member.Id, member.Email, new HashSet<string> { Roles.Member }, Body);
        for (var i = 0; i < targets.Count; i++)
        {
            foreach (var (text, language) in new[] { (Marked("comment", 2 * i), Language.Fr), (Marked("comment", (2 * i) + 1), Language.En) })
            {
                var comment = new Comments.Add(commenter, Slug, ids[i], round, text, language);
                Assert.True(await app.Database.RunAsync<Comments.Handler, bool>(h => h.AddAsync(comment, CancellationToken.None)));
            }
        }

        // The committee's decisions at the 243rd/244th sessions, through the API: text and, where it fits, the document symbol.
        for (var i = 0; i < targets.Count; i++)
        {
            var symbol = Payloads[2 * i].Length <= SessionDecision.SymbolMaxLength ? Payloads[2 * i] : null;
            var decision = new DecisionEndpoints.RecordDecisionDto(Wire.Name(DecisionKind.GaveGuidance), Pair("decision", i), symbol);
            var url = $"/api/programmes/{Slug}/sessions/{Session}/decisions/{ids[i]}";
            using var get = await api.GetAsync(url);
            await SucceedsAsync(get);
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(decision, options: ProgrammeJson.Options) };
            request.Headers.IfMatch.Add(get.Headers.ETag!);
            await SucceedsAsync(await api.SendAsync(request));
        }

        // Published, the reports become the programme's status: public pages and exports show them.
        using (var standing = await api.GetAsync($"/api/programmes/{Slug}/rounds/{round}"))
        {
            await SucceedsAsync(standing);
            var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/programmes/{Slug}/rounds/{round}/publish?confirm=true");
            publish.Headers.IfMatch.Add(standing.Headers.ETag!);
            await SucceedsAsync(await api.SendAsync(publish));
        }

        string[] publicPages =
        [
            "/", "/organisation", $"/programmes/{Slug}", $"/programmes/{Slug}?culture=en", $"/programmes/{Slug}/checks",
            $"/programmes/{Slug}/compare?from=2023-10&to=2024-04", $"/programmes/{Slug}/compare?from=2023-10&to=2024-04&lang=en",
            $"/programmes/{Slug}/sessions/{Session}/changes", $"/programmes/{Slug}/sessions/{round}/changes",
            $"/programmes/{Slug}/sessions/{round}/changes?culture=en", $"/programmes/{Slug}/dashboard", $"/programmes/{Slug}/versions",
            .. ids.Select(id => $"/programmes/{Slug}/activities/{id}"), .. ids.Take(2).Select(id => $"/programmes/{Slug}/activities/{id}?culture=en"),
        ];
        string[] signedInPages = ["/account/profile"];
        string[] editorPages =
        [
            $"/programmes/{Slug}/workload", $"/programmes/{Slug}/rounds", "/my-reports",
            $"/programmes/{Slug}/sessions/{Session}/decisions", $"/programmes/{Slug}/sessions/{Session}/digest",
            $"/programmes/{Slug}/sessions/{round}/digest", $"/programmes/{Slug}/rounds/{round}",
            .. ids.Select(id => $"/programmes/{Slug}/activities/{id}/edit"), .. ids.Take(2).Select(id => $"/programmes/{Slug}/activities/{id}/assign"),
            .. ids.Take(2).Select(id => $"/programmes/{Slug}/rounds/{Session}/reports/{id}"),
            .. ids.Select(id => $"/programmes/{Slug}/rounds/{round}/reports/{id}"),
        ];
        string[] adminPages = ["/admin/audit", "/admin/sessions", .. places.Select(key => $"/admin/sessions/{key}/edit")];
        var roles = new (string Name, (string Email, string Password, string Id)? User, string[] Pages)[]
        {
            ("public", null, publicPages),
            ("member", member, [.. publicPages, .. signedInPages]),
            ("editor", editor, [.. publicPages, .. signedInPages, .. editorPages]),
            ("admin", admin, [.. publicPages, .. signedInPages, .. editorPages, .. adminPages]),
        };

        var probe = new XssProbe();
        var visited = 0;
        var failures = new List<string>();
        var seen = await probe.VisitAsync(app, roles.Select(r => new XssProbe.Visit(r.Name, r.User?.Email, r.User?.Password, r.Pages)),
            (name, path, status, scanned) =>
            {
                visited++;
                if (status is < 200 or > 299 || scanned.Handlers > 0 || scanned.Violations > 0)
                {
                    failures.Add($"{name} {path}: status {status}, {scanned.Handlers} handler(s) or inline script(s), {scanned.Violations} CSP violation(s)");
                }
            });

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        probe.AssertNothingRan();

        // The payloads did reach the pages, as text: every kind of field on a page that shows it.
        var activityPage = $"/programmes/{Slug}/activities/{ids[0]}";
        Assert.Multiple(
            () => Assert.Contains(Marked("title", 0), seen[("public", $"/programmes/{Slug}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("narrative", 0), seen[("public", $"/programmes/{Slug}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("narrative", 1), seen[("public", $"/programmes/{Slug}?culture=en")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("next", 1), seen[("public", activityPage)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("milestone", 0), seen[("public", activityPage)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("decision", 0), seen[("member", activityPage)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("comment", 0), seen[("member", activityPage)], StringComparison.Ordinal),
            () => Assert.DoesNotContain(Marked("comment", 0), seen[("public", activityPage)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("comment", 1), seen[("editor", $"/programmes/{Slug}/rounds/{round}/reports/{ids[0]}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("decision", 0), seen[("editor", $"/programmes/{Slug}/sessions/{Session}/decisions")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("narrative", 0), seen[("editor", $"/programmes/{Slug}/sessions/{round}/changes")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("officer", 0), seen[("editor", $"/programmes/{Slug}/rounds/{round}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("unit", 15), seen[("editor", $"/programmes/{Slug}/activities/{ids[0]}/assign")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("name", 12), seen[("member", "/account/profile")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("name", 13), seen[("editor", $"/programmes/{Slug}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("name", 14), seen[("admin", "/admin/sessions")], StringComparison.Ordinal),
            () => Assert.All(Enumerable.Range(0, Payloads.Length), i => Assert.Contains(Marked("place", i), seen[("admin", "/admin/sessions")], StringComparison.Ordinal)));

        // Exports: the same characters, as text.
        var json = await api.GetFromJsonAsync<ProgrammeFile>($"/api/programmes/{Slug}", ProgrammeJson.Options);
        var xlsx = await api.GetByteArrayAsync($"/programmes/{Slug}/export.xlsx?lang=fr");
        var docx = await api.GetByteArrayAsync($"/programmes/{Slug}/export.docx?lang=en");
        var sheetTexts = SpreadsheetReader.Read(xlsx).Rows.SelectMany(r => r.Cells.Values).ToList();
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var wordText = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        for (var i = 0; i < targets.Count; i++)
        {
            var exported = json!.Activities.Single(a => a.Id == ids[i]);
            Assert.Equal(Pair("title", i), exported.Title);
            Assert.Equal(Pair("narrative", i), exported.Status?.Text);
            Assert.Equal(Swapped(Pair("next", i)), exported.Status?.NextSteps);
            Assert.Contains(Marked("title", 2 * i), sheetTexts);
            Assert.Contains(sheetTexts, cell => cell.Contains(Marked("narrative", 2 * i), StringComparison.Ordinal));
            Assert.Contains(Marked("title", (2 * i) + 1), wordText, StringComparison.Ordinal);
            Assert.Contains(Marked("narrative", (2 * i) + 1), wordText, StringComparison.Ordinal);
            Assert.Contains(Marked("milestone", (2 * i) + 1), wordText, StringComparison.Ordinal);
        }

        output.WriteLine($"payloads={Payloads.Length} activities={targets.Count} fields: activity 4 (title, kpi; fr/en), report 6 (narrative, next steps, " +
            $"milestone; fr/en), comments={2 * targets.Count}, decisions={targets.Count} (text fr/en, symbol), places={places.Count}, " +
            $"user names={officers.Count + 3} and units={officers.Count + 1}; roles={roles.Length} pages visited={visited} " +
            $"html responses={probe.HtmlResponses} with CSP={probe.WithCsp} executions={probe.Executed.Count} dialogs={probe.Dialogs.Count}");
    }

    /// <summary>Payload <paramref name="i"/> behind a label that says which field holds it, so a page can be checked for that field.</summary>
    private static string Marked(string field, int i) => $"{field}-{i} {Payloads[i]}";

    /// <summary>Payloads 2i (French) and 2i + 1 (English), marked with the field's name.</summary>
    private static TextPair Pair(string field, int i) => new(Marked(field, 2 * i), Marked(field, (2 * i) + 1));

    private static TextPair Swapped(TextPair pair) => new(pair.En, pair.Fr);

    private static async Task SucceedsAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}
