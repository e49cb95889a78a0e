using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>
/// Security events (ASVS 16.3.1–2): each sign-in, refused sign-in, denied access, refused API token and refused upload
/// is one entry of the WorkProgramme.Security log category, named by its event, with who and what as values.
/// </summary>
public sealed class SecurityLogFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private IReadOnlyList<LogCollector.Entry> Events(string name, string key, string value) =>
        app.Logs.Events(SecurityLog.Category, name, key, value);

    [Fact]
    public async Task A_sign_in_and_a_refused_sign_in_are_each_logged_once_with_the_address_typed()
    {
        var (email, password) = await app.UserAsync(Roles.Member, "CTP");
        var client = app.ClientIn("fr");

        await client.SignInAsync(email, "not the password at all");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).StatusCode);

        var refused = Assert.Single(Events("SignInRefused", "Email", email));
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal("wrong e-mail or password", refused.Values["Reason"]);
        Assert.Equal(LogLevel.Information, Assert.Single(Events("SignedIn", "Email", email)).Level);
    }

    [Fact]
    public async Task A_page_and_an_api_call_a_user_may_not_use_are_logged_as_denied_with_the_user_and_the_path()
    {
        var (email, password) = await app.UserAsync(Roles.Member, "CTP");
        var member = app.ClientIn("en");
        Assert.Equal(HttpStatusCode.Redirect, (await member.SignInAsync(email, password)).StatusCode);
        var importPage = $"/programmes/{SeedFile.PtcSlug}/import";

        var page = await member.GetAsync(importPage);
        var api = await member.PutAsync($"/api/programmes/{SeedFile.PtcSlug}/activities/{Guid.NewGuid()}",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var denied = Events("AccessDenied", "User", email);
        Assert.Contains(denied, e => Equals(e.Values["Path"]?.ToString(), importPage) && Equals(e.Values["Method"], "GET"));
        Assert.Contains(denied, e => e.Values["Path"]?.ToString()?.StartsWith("/api/programmes/", StringComparison.Ordinal) == true
            && Equals(e.Values["Method"], "PUT"));
    }

    [Fact]
    public async Task An_unknown_api_token_is_logged_as_refused_without_the_token()
    {
        var script = app.ClientIn("en");
        var secret = $"wpt_{Guid.NewGuid():N}";
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var path = $"/api/programmes/{SeedFile.PtcSlug}/activities/{Guid.NewGuid()}";

        var response = await script.PutAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refused = Assert.Single(Events("ApiTokenRefused", "Path", path));
        Assert.DoesNotContain(secret, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_is_logged_with_the_user_the_file_and_its_first_problem()
    {
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var editor = app.ClientIn("fr");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(email, password)).StatusCode);
        var importPage = $"/programmes/{SeedFile.PtcSlug}/import";
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await editor.AntiforgeryTokenAsync(importPage)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent("not a workbook"u8.ToArray()), "upload", "programme.xlsx");

        var response = await editor.PostAsync(importPage + "?handler=Preview", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = Assert.Single(Events("ImportRejected", "User", email));
        Assert.Equal("programme.xlsx", rejected.Values["FileName"]);
        Assert.Equal(SeedFile.PtcSlug, rejected.Values["Programme"]);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Values["FirstProblem"]?.ToString()));
    }
}
