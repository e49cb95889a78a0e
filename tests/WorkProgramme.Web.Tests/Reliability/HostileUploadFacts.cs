using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// Every hostile file of the corpus uploaded to the import page by an editor, and every hostile JSON body (plus a wrong
/// content type and an oversized body) sent to the activity API with a valid token and If-Match: each refused with its
/// reason, the database unchanged (every table hashed), and no connection to the loopback trap the files point at.
/// </summary>
public sealed class HostileUploadFacts(WebAppFactory app, ITestOutputHelper output) : IClassFixture<WebAppFactory>
{
    private const string ImportUrl = "/programmes/" + SeedFile.PtcSlug + "/import";

    [Fact]
    public async Task Every_hostile_file_uploaded_to_the_import_page_is_refused_and_nothing_is_written_or_fetched()
    {
        using var trap = new OutboundTrap();
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var editor = app.ClientIn("en");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(email, password)).StatusCode);
        var token = await editor.AntiforgeryTokenAsync(ImportUrl);
        var before = await app.Database.ContentHashAsync();
        var failures = new List<string>();

        foreach (var file in HostileFiles.Office(trap.Url))
        {
            var content = file.Build();
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(token), "__RequestVerificationToken");
            form.Add(new ByteArrayContent(content), "upload", file.FileName);
            var logged = SecurityEvents();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await editor.PostAsync(ImportUrl + "?handler=Preview", form);
            var body = await response.Content.ReadAsStringAsync();
            // Reported, not asserted (speed is measured, never asserted): the plan's bound is 2 s a file.
            output.WriteLine($"{file.Kind}: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms ({content.Length} bytes)");

            // Each refusal is a security event: the page's own, or the server's for a body over its limit.
            var events = SecurityEvents().Skip(logged.Count).ToList();
            if (!events.Any(e => e.EventId.Name == "ImportRejected" && Equals(e.Values["User"], email) && Equals(e.Values["FileName"], file.FileName))
                && !events.Any(e => e.EventId.Name == "RequestTooLarge" && Equals(e.Values["Path"]?.ToString(), ImportUrl)))
            {
                failures.Add($"{file.Kind}: no security event ({string.Join(", ", events.Select(e => e.EventId.Name))})");
            }
            var page = new HtmlParser().ParseDocument(body);

            // A body over the server's limit is stopped before the page, with its reason in words.
            var problems = response.StatusCode == HttpStatusCode.RequestEntityTooLarge ? body : page.QuerySelector("#import-problems").Text();
            if (response.StatusCode is not (HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge) || !file.Expected.Any(e => problems.Contains(e, StringComparison.Ordinal))
                || page.QuerySelector("#import-preview") is not null)
            {
                failures.Add($"{file.Kind}: {(int)response.StatusCode} {problems}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await app.Database.ContentHashAsync());
        Assert.Equal(0, trap.Connections);
    }

    private List<LogCollector.Entry> SecurityEvents() =>
        app.Logs.Entries.Where(e => e.Category == Infrastructure.SecurityLog.Category).ToList();

    [Fact]
    public async Task Every_hostile_body_sent_to_the_activity_api_is_refused_and_nothing_is_written()
    {
        var (email, _) = await app.UserAsync(Roles.Editor, "CTP");
        var secret = await app.Database.RunAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, string>(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            return (await app.Database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user!.Id, "hostile"), CancellationToken.None))).Secret;
        });
        var script = app.ClientIn("en");
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var url = $"/api/programmes/{SeedFile.PtcSlug}/activities/{file!.Activities[0].Id}";
        var etag = (await script.GetAsync(url)).Headers.ETag!;
        var valid = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(file.Activities[0] with { Priority = "C" }, ProgrammeJson.Options));
        var before = await app.Database.ContentHashAsync();

        var bodies = HostileFiles.Json().Select(f => (f.Kind, Bytes: f.Build(), ContentType: "application/json"))
            .Append(("valid activity sent as text/plain", valid, "text/plain"))
            .Append(("valid activity sent as application/xml", valid, "application/xml"))
            .Append(("11 MB body", new byte[11 * 1024 * 1024], "application/json"));
        var failures = new List<string>();
        foreach (var (kind, bytes, contentType) in bodies)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            request.Headers.IfMatch.Add(etag);
            var response = await script.SendAsync(request);
            if ((int)response.StatusCode is not (400 or 413 or 415))
            {
                failures.Add($"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }
}
