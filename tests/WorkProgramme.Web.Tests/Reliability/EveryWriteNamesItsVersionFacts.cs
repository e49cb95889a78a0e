using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// No silent overwrite, everywhere: every write endpoint of the API and every form POST of the pages is listed here,
/// either with a request that proves it refuses a missing and a stale version (and accepts the current one), or in the
/// allow-list with the reason it needs none. A new write that is in neither fails the test.
/// </summary>
public sealed class EveryFormPostNamesItsVersionFacts(WebAppFactory app) : EveryWriteNamesItsVersion(app)
{
    [Fact]
    public Task Every_form_post_refuses_a_missing_or_a_stale_version_unless_the_allow_list_says_why_it_needs_none() => FormPostsAsync();
}

/// <summary>The API's half, on a database of its own (the forms' half approves the version at its end).</summary>
public sealed class EveryApiWriteNamesItsVersionFacts(WebAppFactory app) : EveryWriteNamesItsVersion(app)
{
    [Fact]
    public Task Every_write_endpoint_of_the_api_answers_428_without_if_match_and_412_on_a_stale_one_unless_it_says_why_not() => ApiWritesAsync();
}

/// <summary>
/// An archived programme refuses every write (docs/decisions/0040): each form post of the list above, posted as it would
/// succeed, is refused in words with nothing changed while the programme is archived, and accepted once it is not.
/// </summary>
public sealed class EveryFormPostRefusesAnArchivedProgrammeFacts(WebAppFactory app) : EveryWriteNamesItsVersion(app)
{
    [Fact]
    public Task Every_form_post_about_a_programme_is_refused_in_words_and_changes_nothing_while_the_programme_is_archived() => ArchivedFormPostsAsync();
}

/// <summary>The API's half of <see cref="EveryFormPostRefusesAnArchivedProgrammeFacts"/>, on a database of its own.</summary>
public sealed class EveryApiWriteRefusesAnArchivedProgrammeFacts(WebAppFactory app) : EveryWriteNamesItsVersion(app)
{
    [Fact]
    public Task Every_write_endpoint_of_the_api_answers_409_in_words_and_changes_nothing_while_the_programme_is_archived() => ArchivedApiWritesAsync();
}

public abstract class EveryWriteNamesItsVersion(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Slug = SeedFile.PtcSlug;
    private const string Session = "ctp-245-246";

    private string? lastPost;

    private Guid reviewed;

    /// <summary>Form POSTs that need no version: they add something new or change no record of the programme.</summary>
    private static readonly Dictionary<string, string> FormsWithoutVersion = new(StringComparer.Ordinal)
    {
        ["Account/Profile:Create"] = "Creates a new personal API token; nothing existing is replaced.",
        ["Account/Profile:Preferences"] = "Saves one's own language and e-mail choices: only that user writes them, and nobody else's input is replaced.",
        ["Account/Profile:Revoke"] = "Revokes one's own token: the same outcome whoever acts first, no text anyone wrote.",
        ["Account/SignIn:"] = "Signs in; no record of the programme.",
        ["Account/SignOut:"] = "Signs out; no record of the programme.",
        ["Account/ForgottenPassword:"] = "Queues a new reset link; it revokes the older ones, whoever asks first.",
        ["Account/SetPassword:"] = "The link is the version: it works once, a second use is refused (docs/decisions/0031).",
        ["Admin/ArchiveImport:Preview"] = "Reads the Word document and shows how each row reads; writes nothing.",
        ["Admin/Invite:"] = "Invites a new person, or sends a newer link that revokes the older one; no text anyone wrote is replaced.",
        ["Error:"] = "The error page answers every method and writes nothing.",
        ["Admin/ProgrammeNew:"] = "Creates a new programme (a second with the same identifier is refused); a carry-over's confirmation carries the digest its preview showed and is refused with 409 when the source changed.",
        ["Admin/BodyNew:"] = "Adds a new body; a second body with the same code (in any case) is refused in words.",
        ["Admin/Sessions:"] = "Adds a new session; a second session with the same key is refused by the domain.",
        ["Admin/PlanNew:"] = "Creates a new Strategic Plan; a period sharing a year with another plan's is refused.",
        ["Programmes/Activity:Comment"] = "Adds a new comment; comments are never edited.",
        ["Programmes/New:"] = "Adds a new activity at the next number of its section.",
        ["Programmes/Versions:Start"] = "Starts a new draft version; a second draft is refused by the domain.",
        ["Programmes/Import:Preview"] = "Reads the file and shows what would change; writes nothing.",
        ["Programmes/Translation:Preview"] = "Reads the XLIFF file and shows what it would translate; writes nothing.",
        ["Rounds/Index:"] = "Opens a new reporting round; opening it twice is refused by the domain.",
        ["Rounds/Report:Suggest"] = "Copies the translation memory's suggestion into the form and shows it again; writes nothing.",
        ["Translation/Memory:Preview"] = "Reads the TMX file and shows what it would add to the memory; writes nothing.",
    };

    /// <summary>
    /// Form POSTs that change no programme, with the reason (docs/decisions/0040): an archived programme cannot refuse
    /// them. Every other form post is walked against an archived programme.
    /// </summary>
    private static readonly Dictionary<string, string> FormsOutsideAProgramme = new(StringComparer.Ordinal)
    {
        ["Account/Profile:Create"] = "One's own API token.",
        ["Account/Profile:Preferences"] = "One's own language and e-mail choices.",
        ["Account/Profile:Revoke"] = "One's own API token.",
        ["Account/SignIn:"] = "Signing in.",
        ["Account/SignOut:"] = "Signing out.",
        ["Account/ForgottenPassword:"] = "A reset link for one's account.",
        ["Account/SetPassword:"] = "One's password.",
        ["Admin/Invite:"] = "A user account.",
        ["Admin/BodyEdit:"] = "Reference data: a body's words.",
        ["Admin/BodyNew:"] = "Reference data: a new body.",
        ["Admin/PlanNew:"] = "Reference data: a new Strategic Plan.",
        ["Admin/Plan:Add"] = "Reference data: a code of a Strategic Plan.",
        ["Admin/Plan:Rename"] = "Reference data: a code's words (its code, the key, never changes).",
        ["Admin/Plan:Delete"] = "Reference data: a code no activity cites.",
        ["Admin/TaskTypes:Add"] = "Reference data: a new task type.",
        ["Admin/TaskTypes:Delete"] = "Reference data: a task type no activity names.",
        ["Admin/TaskTypes:Move"] = "Reference data: the order of the task types.",
        ["Admin/TaskTypes:Rename"] = "Reference data: a task type's words (its code, the key, never changes).",
        ["Admin/Sessions:"] = "The sessions calendar.",
        ["Admin/SessionEdit:"] = "The sessions calendar.",
        ["Admin/UserEdit:"] = "A user account.",
        ["Admin/ProgrammeNew:"] = "Creates a new programme; carrying over from an archived one is refused by the domain (it is already continued).",
        ["Error:"] = "The error page writes nothing.",
        ["Programmes/Import:Preview"] = "Reads the file and shows what would change; writes nothing.",
        ["Programmes/Translation:Preview"] = "Reads the XLIFF file and shows what it would translate; writes nothing.",
        ["Admin/ArchiveImport:Preview"] = "Reads the Word document and shows how each row reads; writes nothing.",
        ["Admin/ArchiveImport:Apply"] = "Walked here as the import of a new programme; versions added to an archived programme are refused by its save guard like any other write.",
        ["Rounds/Report:Suggest"] = "Copies the translation memory's suggestion into the form and shows it again; writes nothing.",
        ["Translation/Memory:Apply"] = "The translation memory serves every body's programmes and belongs to none; its pairs are no programme's record.",
        ["Translation/Memory:Preview"] = "Reads the TMX file and shows what it would add to the memory; writes nothing.",
    };

    /// <summary>
    /// Form POSTs that add something to a programme (no version to name), posted against the archived programme as they
    /// would succeed: walked after <see cref="FormCases"/> (the version is approved by then, so a new draft may start).
    /// </summary>
    private Dictionary<string, FormCase> CreationCases() => new(StringComparer.Ordinal)
    {
        ["Programmes/Activity:Comment"] = new(Roles.Editor, "CTP", async () => $"/programmes/{Slug}/activities/{await IdAsync(9)}", "form.comment-form", "",
            f => f["CommentText"] = "A comment on purpose."),
        ["Programmes/Versions:Start"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/versions"), "form[action*=Start]", "",
            f => f["Label"] = "2026-01"),
        ["Programmes/New:"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/activities/new"), "form.form--wide", "", f =>
        {
            (f["Section"], f["Form.Priority"], f["Form.TaskType"]) = ("time-bound", "B", "development");
            (f["Form.TitleFr"], f["Form.TitleEn"]) = ("Une activité ajoutée exprès", "An activity added on purpose");
            f["Form.DeadlineFr"] = "Printemps 2026 (CTP) / Juin 2026 (Conseil)";
            f["Form.PlanCodes"] = "PS1";
        }),
        ["Rounds/Index:"] = new(Roles.Editor, "CTP", async () =>
        {
            await AddSessionAsync();
            return $"/programmes/{Slug}/rounds";
        }, "form.inline-form:has(input[value='ctp-247-248'])", "", _ => { }),
    };

    /// <summary>
    /// A form to post; <see cref="Open"/>, when set, is how the page holding it is reached (a form that only a POST
    /// shows, like the import's confirmation after its preview) instead of a GET of <see cref="PageUrl"/>.
    /// </summary>
    private sealed record FormCase(string Role, string? Body, Func<Task<string>> PageUrl, string FormSelector, string VersionField,
        Action<Dictionary<string, string>> Change, string? Action = null, Func<AngleSharp.Dom.IElement, bool>? Pick = null,
        Func<HttpClient, string, Task<HttpResponseMessage>>? Open = null);

    private Dictionary<string, FormCase> FormCases() => new(StringComparer.Ordinal)
    {
        ["Programmes/Edit:"] = new(Roles.Editor, "CTP", () => Task.FromResult(EditUrl(5)), "form.form--wide", "RowVersion",
            f => f["Form.TitleEn"] = "A title changed on purpose"),
        ["Programmes/Edit:Retire"] = new(Roles.Editor, "CTP", () => Task.FromResult(EditUrl(40)), "form.form--wide", "RowVersion",
            _ => { }, Action: "?handler=Retire"),
        ["Programmes/Edit:Move"] = new(Roles.Editor, "CTP", () => Task.FromResult(EditUrl(6)), "form.move-form", "RowVersion",
            f => f["MoveTo"] = "2"),
        ["Programmes/Activity:ConfirmTranslation"] = new(Roles.Editor, "CTP", DriftedActivityAsync, "form[action*=ConfirmTranslation]", "RowVersion",
            _ => { }),
        ["Programmes/Assign:"] = new(Roles.Editor, "CTP", async () => $"/programmes/{Slug}/activities/{await IdAsync(8)}/assign", "#assign-form", "Version",
            f => f["UserIds"] = f["__first_option:UserIds"]),
        ["Rounds/Decisions:"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/sessions/ctp-243-244/decisions"), "section.decision form",
            "Version", f => (f["Kind"], f["TextEn"]) = ("adopted", "Adopted on purpose.")),
        ["Admin/SessionEdit:"] = new(Roles.Admin, null, () => Task.FromResult("/admin/sessions/ctp-241-242/edit"), "#reschedule-session", "Version",
            f => f["Form.Place"] = "Genève"),
        ["Admin/BodyEdit:"] = new(Roles.Admin, null, () => Task.FromResult("/admin/bodies/edit?code=CLF"), "#edit-body", "Version",
            f => f["NameEn"] = "Enforcement Committee, renamed on purpose"),
        ["Admin/Plan:Rename"] = new(Roles.Admin, null, () => Task.FromResult("/admin/plans/2022-2025"), "#rename-PS1", "Version",
            f => f["LabelEn"] = "Strategic process renamed on purpose", Action: "?handler=Rename"),
        ["Admin/Plan:Add"] = new(Roles.Admin, null, () => Task.FromResult("/admin/plans/2022-2025"), "#add-code", "Version",
            f => (f["Code"], f["LabelEn"]) = ("NEW1", "A code added on purpose"), Action: "?handler=Add"),
        ["Admin/Plan:Delete"] = new(Roles.Admin, null, () => Task.FromResult("/admin/plans/2022-2025"), "#delete-NEW1", "Version",
            _ => { }, Action: "?handler=Delete"),
        ["Admin/TaskTypes:Rename"] = new(Roles.Admin, null, () => Task.FromResult("/admin/task-types"), "#rename-updating", "Version",
            f => f["NameEn"] = "Updating, renamed on purpose", Action: "?handler=Rename"),
        ["Admin/TaskTypes:Move"] = new(Roles.Admin, null, () => Task.FromResult("/admin/task-types"),
            "form[action*=Move]:has(input[name=Code][value=updating]):has(input[name=Up][value=true])", "Version", _ => { }, Action: "?handler=Move"),
        ["Admin/TaskTypes:Add"] = new(Roles.Admin, null, () => Task.FromResult("/admin/task-types"), "#add-task-type", "Version",
            f => (f["Code"], f["NameFr"], f["NameEn"]) = ("upgrade", "Mise à niveau", "Upgrade"), Action: "?handler=Add"),
        ["Admin/TaskTypes:Delete"] = new(Roles.Admin, null, () => Task.FromResult("/admin/task-types"), "#delete-upgrade", "Version",
            _ => { }, Action: "?handler=Delete"),
        ["Admin/UserEdit:"] = new(Roles.Admin, null, UserToEditAsync, "#edit-user", "Version", f => f["Body"] = "Conseil"),
        ["Rounds/Report:"] = new(Roles.Editor, "CTP", async () => $"/programmes/{Slug}/rounds/{Session}/reports/{await OpenRoundAsync(10)}", "#report-form",
            "RowVersion", f => (f["Keyword"], f["NarrativeEn"]) = ("completed", "Completed on purpose.")),
        ["Rounds/Report:CheckTranslation"] = new(Roles.Editor, "CTP", DriftedReportAsync, "form[action*=CheckTranslation]", "RowVersion", _ => { }),
        ["Rounds/Round:Review"] = new(Roles.Editor, "CTP", UpdatedReportAsync, "form[action*=Review]", "rowVersion", _ => { },
            Pick: f => f.QuerySelector($"input[name=activityId][value='{reviewed}']") is not null),
        ["Rounds/Round:Publish"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/rounds/{Session}"), "form.publish", "version",
            f => f["confirmed"] = "true"),
        ["Programmes/Import:Apply"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/import"), "form:has(input[name=token])", "state",
            _ => { }, Open: PreviewImportAsync),
        ["Programmes/Translation:Apply"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/translation"), "form:has(input[name=token])", "state",
            _ => { }, Open: PreviewTranslationAsync),
        ["Admin/ArchiveImport:Apply"] = new(Roles.Admin, null, () => Task.FromResult("/admin/programmes/archive"), "#archive-apply", "State",
            _ => { }, Open: PreviewArchiveAsync),
        ["Translation/Memory:Apply"] = new(Roles.Editor, "CTP", () => Task.FromResult("/translation/memory"), "#memory-apply", "state",
            _ => { }, Open: PreviewMemoryAsync),

        // Last: an approved version can no longer be edited.
        ["Programmes/Versions:Adopt"] = new(Roles.Editor, "CTP", () => Task.FromResult($"/programmes/{Slug}/versions"), "form[action*=Adopt]", "Version",
            f => (f["Step"], f["Session"]) = ("approved", "conseil-141-142")),
    };

    protected async Task FormPostsAsync()
    {
        var handlers = FormHandlers();
        var cases = FormCases();

        var unlisted = handlers.Where(h => !cases.ContainsKey(h) && !FormsWithoutVersion.ContainsKey(h)).ToList();
        Assert.True(unlisted.Count == 0, "Form POSTs neither tested for their version nor allow-listed: " + string.Join(", ", unlisted));
        Assert.Empty(cases.Keys.Concat(FormsWithoutVersion.Keys).Except(handlers));

        // One client per role: signing in is rate-limited.
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (handler, form) in cases)
        {
            if (!clients.TryGetValue(form.Role, out var client))
            {
                clients[form.Role] = client = await app.SignedInClientAsync(form.Role, form.Body);
            }

            var url = await form.PageUrl();

            var missing = await PostAsync(client, url, form, version: null);
            var stale = await PostAsync(client, url, form, version: "0");
            var before = await app.Database.ContentHashAsync();
            Assert.True(missing.Unchanged, $"{handler} accepted a post without its version ({missing.Status}).");
            Assert.True(stale.Unchanged, $"{handler} accepted a post with a stale version ({stale.Status}).");

            var current = await PostAsync(client, url, form, version: "");
            Assert.True(!current.Unchanged, $"{handler}: the same post with the current version changed nothing ({current.Status}), so the case proves nothing.");
            Assert.NotEqual(before, await app.Database.ContentHashAsync());
        }
    }

    /// <summary>Every form POST handler of the pages, as "Page/Name:Handler".</summary>
    private static List<string> FormHandlers() =>
        typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{PageName(t)}:{m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal)}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every write endpoint of the API, from the endpoint data source.</summary>
    private List<RouteEndpoint> ApiWrites()
    {
        _ = app.Services;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is null
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "PUT" or "POST" or "PATCH" or "DELETE") == true)
            .ToList();
    }

    protected async Task ApiWritesAsync()
    {
        var writes = ApiWrites();
        Assert.NotEmpty(writes);
        var undeclared = writes.Where(e => e.Metadata.GetMetadata<IfMatchRequired>() is null && e.Metadata.GetMetadata<NoIfMatch>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(undeclared.Count == 0, "Write endpoints that neither require If-Match nor say why not: " + string.Join(", ", undeclared));
        Assert.All(writes.Select(e => e.Metadata.GetMetadata<NoIfMatch>()).OfType<NoIfMatch>(), reason => Assert.False(string.IsNullOrWhiteSpace(reason.Reason)));

        var cases = ApiCases();
        var readUrls = ApiReadUrls;

        foreach (var endpoint in writes.Where(e => e.Metadata.GetMetadata<IfMatchRequired>() is not null))
        {
            var pattern = endpoint.RoutePattern.RawText!;
            Assert.True(cases.ContainsKey(pattern), $"{pattern} requires If-Match but has no case here to prove it.");
            var (url, body) = await cases[pattern]();
            var client = await app.ApiClientAsync(Roles.Editor, "CTP");
            var method = new HttpMethod(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.First(m => m is not "GET" and not "HEAD"));
            var before = await app.Database.ContentHashAsync();

            var missing = await SendAsync(client, method, url, body, ifMatch: null);
            var stale = await SendAsync(client, method, url, body, ifMatch: "\"0\"");

            Assert.Equal((pattern, HttpStatusCode.PreconditionRequired), (pattern, missing.StatusCode));
            Assert.Equal((pattern, HttpStatusCode.PreconditionFailed), (pattern, stale.StatusCode));
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(stale.Headers.ETag);
            Assert.Equal(before, await app.Database.ContentHashAsync());
            using var read = await client.GetAsync(readUrls.GetValueOrDefault(pattern, url));
            var current = await SendAsync(client, method, url, body, ifMatch: read.Headers.ETag!.ToString());
            Assert.True(current.IsSuccessStatusCode, $"{pattern} with the current ETag: {current.StatusCode} {await current.Content.ReadAsStringAsync()}");
            Assert.NotEqual(before, await app.Database.ContentHashAsync());
        }
    }

    /// <summary>Where the write's address is not the one to read its ETag from (an action on a resource), the resource's.</summary>
    private static readonly Dictionary<string, string> ApiReadUrls = new(StringComparer.Ordinal)
    {
        ["/api/programmes/{slug}/rounds/{session}/publish"] = $"/api/programmes/{Slug}/rounds/{Session}",
    };

    /// <summary>A request for each write endpoint that succeeds with the current version.</summary>
    private Dictionary<string, Func<Task<(string Url, object Body)>>> ApiCases() => new(StringComparer.Ordinal)
    {
        ["/api/programmes/{slug}/activities/{id:guid}"] = async () =>
        {
            var url = $"/api/programmes/{Slug}/activities/{await IdAsync(12)}";
            var activity = (await (await app.ApiClientAsync(Roles.Editor, "CTP")).GetFromJsonAsync<ActivityDto>(url, ProgrammeJson.Options))!;
            return (url, activity with { Title = new TextPair(activity.Title!.Fr, "Changed on purpose") });
        },
        ["/api/programmes/{slug}/sessions/{session}/status-reports/{activityId:guid}"] = async () =>
            ($"/api/programmes/{Slug}/sessions/{Session}/status-reports/{await OpenRoundAsync(14)}",
                new StatusDto { Keyword = "completed", Text = new TextPair(null, "Completed on purpose.") }),
        ["/api/programmes/{slug}/sessions/{session}/decisions/{activityId:guid}"] = async () =>
            ($"/api/programmes/{Slug}/sessions/ctp-243-244/decisions/{await IdAsync(15)}",
                new WorkProgramme.Web.Api.DecisionEndpoints.RecordDecisionDto("adopted", new TextPair(null, "Adopted on purpose."), null)),
        ["/api/programmes/{slug}/rounds/{session}/publish"] = async () =>
        {
            await OpenRoundAsync(16);
            return ($"/api/programmes/{Slug}/rounds/{Session}/publish?confirm=true", new { });
        },
    };

    /// <summary>Archives the programme in the store, or takes it back out (test set-up only: raw SQL, as a restore writes).</summary>
    private Task SetArchivedAsync(bool archived) =>
        app.Database.RunAsync<WorkProgramme.Application.Data.WorkProgrammeDb, int>(db =>
            db.Programmes.Where(p => p.Slug == Slug).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsArchived, archived)));

    /// <summary>The guard's words (<c>ArchivedProgrammeException</c>), in either language.</summary>
    private static bool SaysArchived(string? text) =>
        text is not null && (text.Contains("no longer changes", StringComparison.Ordinal) || text.Contains("il ne change plus", StringComparison.Ordinal));

    protected async Task ArchivedFormPostsAsync()
    {
        var handlers = FormHandlers();
        var cases = FormCases().Concat(CreationCases()).ToList();
        var unlisted = handlers.Where(h => cases.All(c => c.Key != h) && !FormsOutsideAProgramme.ContainsKey(h)).ToList();
        Assert.True(unlisted.Count == 0, "Form POSTs neither walked against an archived programme nor said to concern none: " + string.Join(", ", unlisted));
        Assert.Empty(FormsOutsideAProgramme.Keys.Except(handlers));

        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (handler, form) in cases.Where(c => !FormsOutsideAProgramme.ContainsKey(c.Key)))
        {
            if (!clients.TryGetValue(form.Role, out var client))
            {
                clients[form.Role] = client = await app.SignedInClientAsync(form.Role, form.Body);
            }

            var url = await form.PageUrl();
            string? said = null;
            var refused = await PostAsync(client, url, form, version: "", beforePost: () => SetArchivedAsync(true), said: text => said = text);
            await SetArchivedAsync(false);
            Assert.True(refused.Unchanged, $"{handler} changed an archived programme ({refused.Status}).");
            Assert.True(refused.Status is HttpStatusCode.Conflict or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Redirect,
                $"{handler} answered {refused.Status} for an archived programme.");
            Assert.True(SaysArchived(said), $"{handler} did not say the programme is archived: {said}");

            var accepted = await PostAsync(client, url, form, version: "");
            Assert.False(accepted.Unchanged, $"{handler}: the same post once the programme is no longer archived changed nothing ({accepted.Status}), so the case proves nothing.");
        }
    }

    protected async Task ArchivedApiWritesAsync()
    {
        var writes = ApiWrites();
        Assert.NotEmpty(writes);
        var cases = ApiCases();
        Assert.All(writes, e => Assert.True(cases.ContainsKey(e.RoutePattern.RawText!), $"{e.RoutePattern.RawText} is not walked against an archived programme."));
        foreach (var endpoint in writes)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            var (url, body) = await cases[pattern]();
            var client = await app.ApiClientAsync(Roles.Editor, "CTP");
            var method = new HttpMethod(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.First(m => m is not "GET" and not "HEAD"));
            using var read = await client.GetAsync(ApiReadUrls.GetValueOrDefault(pattern, url));
            var etag = read.Headers.ETag?.ToString();

            await SetArchivedAsync(true);
            var before = await app.Database.ContentHashAsync();
            var refused = await SendAsync(client, method, url, body, ifMatch: etag);
            var words = await refused.Content.ReadAsStringAsync();
            var after = await app.Database.ContentHashAsync();
            await SetArchivedAsync(false);

            Assert.Equal((pattern, HttpStatusCode.Conflict), (pattern, refused.StatusCode));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(SaysArchived(words), $"{pattern} did not say the programme is archived: {words}");
            Assert.Equal(before, after);
            var accepted = await SendAsync(client, method, url, body, ifMatch: etag);
            Assert.True(accepted.IsSuccessStatusCode, $"{pattern} once the programme is no longer archived: {accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType(), options: ProgrammeJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Posts the form as the page shows it now, changed as the case says, with its version left out, replaced, or as shown ("").</summary>
    private async Task<(bool Unchanged, HttpStatusCode Status)> PostAsync(HttpClient client, string url, FormCase form, string? version,
        Func<Task>? beforePost = null, Action<string>? said = null)
    {
        using var shown = form.Open is { } open ? await open(client, url) : await client.GetAsync(url);
        Assert.True(shown.IsSuccessStatusCode, $"{form.FormSelector} (version {version ?? "missing"}): GET {url} answered {shown.StatusCode} {shown.Headers.Location}; before: {lastPost}");
        var html = await shown.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        var element = page.QuerySelectorAll(form.FormSelector).FirstOrDefault(f => form.Pick?.Invoke(f) ?? true) ?? throw new InvalidOperationException($"No {form.FormSelector} on {url}: {html}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in element.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio")
            {
                fields.TryAdd($"__first_option:{name}", input.GetAttribute("value") ?? "");
                if (!input.HasAttribute("checked"))
                {
                    continue;
                }
            }

            fields[name] = input.TagName switch
            {
                "TEXTAREA" => input.TextContent,
                "SELECT" => (input.QuerySelector("option[selected]") ?? input.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
        }

        form.Change(fields);
        foreach (var key in fields.Keys.Where(k => k.StartsWith("__first_option:", StringComparison.Ordinal)).ToList())
        {
            fields.Remove(key);
        }

        if (version is null)
        {
            fields.Remove(form.VersionField);
        }
        else if (version.Length > 0)
        {
            fields[form.VersionField] = version;
        }

        var action = form.Action is { } handler ? url + handler : element.GetAttribute("action") is { Length: > 0 } a ? a : url;
        if (beforePost is not null)
        {
            await beforePost();
        }

        var before = await app.Database.ContentHashAsync();
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        if (said is not null)
        {
            // A page that posts, redirects and gets says it in the flash of the page it redirects to.
            var text = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
                ? await client.GetStringAsync(to)
                : await response.Content.ReadAsStringAsync();
            said(System.Net.WebUtility.HtmlDecode(text));
        }
        lastPost = $"POST {action} [{string.Join("&", fields.Keys)}] answered {response.StatusCode} {response.Headers.Location}";
        return (before == await app.Database.ContentHashAsync(), response.StatusCode);
    }

    /// <summary>Uploads the programme's workbook with one title changed: the answer is the preview, with its confirmation form.</summary>
    private async Task<HttpResponseMessage> PreviewImportAsync(HttpClient client, string url)
    {
        var workbook = await client.GetByteArrayAsync($"/programmes/{Slug}/export.xlsx?lang=en");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
            { new ByteArrayContent(OfficeFiles.EditSheet(workbook, 0, new Dictionary<string, string?> { ["D7"] = "Imported on purpose" })), "upload", "ptc.xlsx" },
        };
        return await client.PostAsync(url + "?handler=Preview", form);
    }

    /// <summary>Uploads our redline of the PTC's two versions as the archive of a new programme: the answer is the preview, with its confirmation form.</summary>
    private static async Task<HttpResponseMessage> PreviewArchiveAsync(HttpClient client, string url)
    {
        var redline = await client.GetByteArrayAsync($"/programmes/{Slug}/redline.docx?from=2023-10&to=2024-04&lang=fr");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
            { new ByteArrayContent(redline), "upload", "ptc-redline.docx" },
        };
        foreach (var (name, value) in new[] { ("Slug", "ptc-archive"), ("BodyCode", "CTP"), ("Period", "2022-2025"), ("OldLabel", "2023-10"),
                     ("NewLabel", "2024-04"), ("OldSession", "ctp-241-242"), ("NewSession", "ctp-243-244"), ("OldState", "approved"), ("NewState", "endorsed") })
        {
            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync(url + "?handler=Preview", form);
    }

    /// <summary>Uploads the texts to translate with every title translated: the answer is the preview, with its confirmation form.</summary>
    private static async Task<HttpResponseMessage> PreviewTranslationAsync(HttpClient client, string url)
    {
        var exported = await client.GetByteArrayAsync(url + "?handler=Export&to=en");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
            { new ByteArrayContent(XliffFiles.Translated(exported, id => id.EndsWith("/title", StringComparison.Ordinal))), "upload", "ptc.en.xlf" },
        };
        return await client.PostAsync(url + "?handler=Preview", form);
    }

    /// <summary>Uploads a TMX holding one pair the memory does not hold: the answer is the preview, with its confirmation form.</summary>
    private static async Task<HttpResponseMessage> PreviewMemoryAsync(HttpClient client, string url)
    {
        const string tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
            <body><tu><tuv xml:lang="fr"><seg>Une paire que le dossier ne contient pas.</seg></tuv><tuv xml:lang="en"><seg>A pair the record does not hold.</seg></tuv></tu></body></tmx>
            """;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(tmx)), "upload", "service.tmx" },
        };
        return await client.PostAsync(url + "?handler=Preview", form);
    }

    private static string PageName(Type page)
    {
        var name = page.FullName!["WorkProgramme.Web.Pages.".Length..].Replace('.', '/');
        return name.EndsWith("Model", StringComparison.Ordinal) ? name[..^"Model".Length] : name;
    }

    private string EditUrl(int number) => $"/programmes/{Slug}/activities/{IdAsync(number).GetAwaiter().GetResult()}/edit";

    private async Task<Guid> IdAsync(int number)
    {
        var file = await app.Database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new ExportProgramme.Query(Viewer.Operator, Slug, null), CancellationToken.None));
        return file!.Activities.Single(a => a.Section == "time-bound" && a.Number == number).Id!.Value;
    }

    /// <summary>Another user's edit page (not the administrator's own: a change of role or body ends that user's session).</summary>
    private async Task<string> UserToEditAsync()
    {
        var (email, _) = await app.UserAsync(Roles.Editor, "CTP");
        var row = await app.Database.RunAsync<WorkProgramme.Application.Features.Users.UserDirectory.Handler, WorkProgramme.Application.Features.Users.UserDirectory.Row?>(
            h => h.FindByEmailAsync(email, CancellationToken.None));
        return $"/admin/users/{row!.Id}/edit";
    }

    /// <summary>An activity whose French title changed after its English one: the page offers "translation checked".</summary>
    private async Task<string> DriftedActivityAsync()
    {
        var id = await IdAsync(30);
        var url = $"/api/programmes/{Slug}/activities/{id}";
        var client = await app.ApiClientAsync(Roles.Editor, "CTP");
        using var read = await client.GetAsync(url);
        var activity = (await read.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!;
        using var saved = await SendAsync(client, HttpMethod.Put, url,
            activity with { Title = new TextPair(activity.Title!.Fr + " (révisé)", activity.Title.En) }, read.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return $"/programmes/{Slug}/activities/{id}";
    }

    /// <summary>A session with no round yet (spring 2025), whose round the rounds page offers to open.</summary>
    private async Task AddSessionAsync()
    {
        if (await app.Database.RunAsync<WorkProgramme.Application.Features.Sessions.SessionCalendar.Handler,
                WorkProgramme.Application.Features.Sessions.SessionCalendar.Row?>(h => h.FindAsync("ctp-247-248", CancellationToken.None)) is null)
        {
            await app.Database.RunAsync<WorkProgramme.Application.Features.Sessions.AddSession.Handler, string>(h => h.HandleAsync(
                new WorkProgramme.Application.Features.Sessions.AddSession.Command(Viewer.Operator, "CTP", [247, 248], 2025, 4,
                    WorkProgramme.Domain.Sessions.Season.Spring), CancellationToken.None));
        }
    }

    private async Task<Guid> OpenRoundAsync(int number)
    {
        if (await app.Database.RunAsync<WorkProgramme.Application.Features.Sessions.SessionCalendar.Handler,
                WorkProgramme.Application.Features.Sessions.SessionCalendar.Row?>(h => h.FindAsync(Session, CancellationToken.None)) is null)
        {
            await app.Database.RunAsync<WorkProgramme.Application.Features.Sessions.AddSession.Handler, string>(h => h.HandleAsync(
                new WorkProgramme.Application.Features.Sessions.AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10,
                    WorkProgramme.Domain.Sessions.Season.Autumn), CancellationToken.None));
        }

        var opened = await app.Database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Viewer.Operator, Slug, Session), CancellationToken.None));
        Assert.True(opened.Failure is null or { Kind: FailureKind.Conflict }, string.Join("; ", opened.Problems));
        return await IdAsync(number);
    }

    /// <summary>A report whose French changed after its English: its page offers "translation checked".</summary>
    private async Task<string> DriftedReportAsync()
    {
        var id = await OpenRoundAsync(13);
        foreach (var french in new[] { "Travaux en cours.", "Travaux en cours, retardés." })
        {
            var round = (await app.Database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h =>
                h.HandleAsync(new(Viewer.Operator, Slug, Session), CancellationToken.None)))!;
            var written = await app.Database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Viewer.Operator, Slug,
                Session, id, round.Rows.Single(r => r.ActivityId == id).RowVersion, StatusKeyword.Ongoing, new BilingualText(french, "Work under way."),
                BilingualText.Empty, []), CancellationToken.None));
            Assert.Null(written.Failure);
        }

        return $"/programmes/{Slug}/rounds/{Session}/reports/{id}";
    }

    /// <summary>A report another officer updated: the round page offers to review it.</summary>
    private async Task<string> UpdatedReportAsync()
    {
        var id = reviewed = await OpenRoundAsync(11);
        var round = (await app.Database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, Slug, Session), CancellationToken.None)))!;
        var row = round.Rows.Single(r => r.ActivityId == id);
        var updated = await app.Database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Viewer.Operator, Slug,
            Session, id, row.RowVersion, StatusKeyword.Completed, new BilingualText(null, "Completed."), BilingualText.Empty, []), CancellationToken.None));
        Assert.Null(updated.Failure);
        return $"/programmes/{Slug}/rounds/{Session}?progress=updated";
    }
}
