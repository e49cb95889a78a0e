using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Security;

public sealed class SignInFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_user_signs_in_through_the_form_and_sees_their_profile()
    {
        var client = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var profile = await client.GetPageAsync("/account/profile");

        Assert.Contains("editor", profile.QuerySelector(".facts").Text(), StringComparison.Ordinal);
        Assert.NotNull(profile.QuerySelector("form[action='/account/sign-out']"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_the_users_language()
    {
        var (email, _) = await app.UserAsync(Roles.Member, "CTP");
        var client = app.ClientIn("fr");

        var response = await client.SignInAsync(email, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var (email, password) = await app.UserAsync(Roles.Member, "CTP");
        var client = app.ClientIn("en");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(email, "wrong password " + attempt);
        }

        var response = await client.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the account is locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = await app.SignedInClientAsync(Roles.Member, "CTP");

        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedInClientAsync(Roles.Member, "CTP");

        var signOut = await client.PostFormAsync("/account/profile", "/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task Pages_that_need_a_user_send_the_anonymous_to_sign_in_and_the_api_answers_401()
    {
        var client = app.ClientIn(null);

        var page = await client.GetAsync("/account/profile");
        var api = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_token_created_on_the_profile_page_authenticates_a_script_until_it_is_revoked()
    {
        var browser = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var created = await browser.PostFormAsync("/account/profile", "/account/profile?handler=Create",
            new Dictionary<string, string> { ["TokenName"] = "nightly export" });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#new-token").Text();
        Assert.StartsWith(ApiToken.Prefix, secret, StringComparison.Ordinal);

        var script = app.ClientIn(null);
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var me = JsonDocument.Parse(await script.GetStringAsync("/api/me")))
        {
            Assert.Equal(["editor"], me.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal("CTP", me.RootElement.GetProperty("body").GetString());
        }

        var tokenId = page.QuerySelector("form[action*='handler=Revoke']")!.GetAttribute("action")!.Split("id=")[1].Split('&')[0];
        var revoked = await browser.PostFormAsync("/account/profile", $"/account/profile?handler=Revoke&id={tokenId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        var script = app.ClientIn(null);
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken.Prefix + "forged");

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
    }
}
