using System.Net;
using System.Security.Claims;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Identity;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>The app configured for single sign-on with a real provider started beside it (docs/decisions/0033).</summary>
public sealed class SingleSignOnApp : IAsyncLifetime
{
    public OidcProvider Provider { get; private set; } = null!;

    public WebAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        await ((IAsyncLifetime)App).InitializeAsync();
        App.Settings["Authentication:Oidc:Authority"] = Provider.Authority;
        App.Settings["Authentication:Oidc:ClientId"] = OidcProvider.ClientId;
        App.Settings["Authentication:Oidc:ClientSecret"] = OidcProvider.ClientSecret;
        App.Settings["Authentication:Oidc:Scopes"] = "openid profile email groups";
        App.Settings["Authentication:Oidc:RequireHttpsMetadata"] = "false";
        App.Settings["Authentication:Oidc:RoleClaim"] = "groups";
        App.Settings["Authentication:Oidc:Roles:wp-admins"] = Roles.Admin;
        App.Settings["Authentication:Oidc:Roles:wp-editors"] = Roles.Editor;
        App.Settings["Authentication:Oidc:BodyClaim"] = "groups";
        App.Settings["Authentication:Oidc:Bodies:committee-ctp"] = "CTP";
        App.Settings["Authentication:Oidc:Bodies:committee-other"] = "OTHER";
    }

    /// <summary>A browser on the app: cookies kept, redirects not followed (the tests follow them between app and provider).</summary>
    public HttpClient Browser(string language = "en")
    {
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(OidcProvider.AppBase) });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class SingleSignOnFacts(SingleSignOnApp sso) : IClassFixture<SingleSignOnApp>
{
    private const string Security = SecurityLog.Category;

    private OidcProvider Provider => sso.Provider;

    private WebAppFactory App => sso.App;

    /// <summary>The provider's own client, a browser's other half: the provider is on real HTTP, the app on its test server.</summary>
    private static readonly HttpClient AtProvider = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_the_challenge_follows_its_discovery_document_with_pkce()
    {
        var browser = sso.Browser();
        var discovery = JsonDocument.Parse(await AtProvider.GetStringAsync(Provider.Authority + "/.well-known/openid-configuration")).RootElement;

        var signIn = await browser.GetAsync("/account/sign-in");
        var page = new HtmlParser().ParseDocument(await signIn.Content.ReadAsStringAsync());
        var link = page.QuerySelector(".single-sign-on a")!.GetAttribute("href")!;
        var challenge = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal(discovery.GetProperty("authorization_endpoint").GetString(), authorize.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(OidcProvider.ClientId, query["client_id"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("groups", query["scope"]!.Split(' '));

        // Signing out (a form) ends at the provider: the policy lets a form's redirects go there.
        Assert.Contains($"form-action 'self' {Provider.Authority};", signIn.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_of_a_body_in_the_directory_is_created_at_the_first_sign_in_with_that_role_and_body()
    {
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, true, "Eva Editor", "wp-editors", "committee-ctp"));
        var browser = sso.Browser();

        var signedIn = await SignInThroughProviderAsync(browser, "/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/account/profile", signedIn.Headers.Location!.OriginalString);
        var me = JsonDocument.Parse(await browser.GetStringAsync("/api/me")).RootElement;
        Assert.Equal(email, me.GetProperty("name").GetString());
        var user = await UserAsync(email);
        Assert.Equal(new[] { Roles.Editor }, user.Roles);
        Assert.Equal("CTP", user.Body);
        Assert.NotEmpty(App.Logs.Events(Security, "UserCreatedBySingleSignOn", "Email", email));
        var actors = await App.Database.RunAsync<WorkProgramme.Application.Data.WorkProgrammeDb, List<string>>(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == email).Select(a => a.Actor).Distinct()));
        Assert.Equal(new[] { $"single sign-on ({email})" }, actors);
        Assert.NotEmpty(App.Logs.Events(Security, "SignedInThroughProvider", "Email", email));
    }

    [Fact]
    public async Task An_administrator_in_the_directory_signs_in_as_administrator_of_no_body()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, true, "Ada Admin", "wp-editors", "wp-admins", "committee-ctp"));
        var browser = sso.Browser();

        await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/audit")).StatusCode);
        var user = await UserAsync(email);
        Assert.Equal(new[] { Roles.Admin }, user.Roles);
        Assert.Null(user.Body);
    }

    [Fact]
    public async Task An_existing_local_user_is_matched_by_verified_email_and_keeps_their_password()
    {
        var (email, password) = await App.UserAsync(Roles.Member, "CTP");
        var before = await UserAsync(email);
        var subject = Guid.NewGuid().ToString();
        Provider.WillSignIn(new Person(subject, email, true, "Mo Member"));
        var browser = sso.Browser();

        await SignInThroughProviderAsync(browser);

        var me = JsonDocument.Parse(await browser.GetStringAsync("/api/me")).RootElement;
        Assert.Equal(email, me.GetProperty("name").GetString());
        var after = await UserAsync(email);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(new[] { Roles.Member }, after.Roles);
        Assert.Equal(new[] { (SingleSignOn.Scheme, subject) }, after.Logins);
        var local = App.ClientIn("en");
        Assert.Equal(HttpStatusCode.Redirect, (await local.SignInAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task An_existing_user_is_not_matched_by_an_email_the_provider_did_not_verify()
    {
        var (email, _) = await App.UserAsync(Roles.Member, "CTP");
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, false, "Not Verified", "wp-editors"));
        var browser = sso.Browser();

        var refused = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("did not confirm your email address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await UserAsync(email)).Logins);
    }

    [Fact]
    public async Task Someone_the_mapping_grants_no_role_and_who_has_no_account_is_refused_in_words()
    {
        var email = $"stranger-{Guid.NewGuid():N}@example.org";
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, true, "Sam Stranger", "canteen-committee"));
        var browser = sso.Browser("fr");

        var refused = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Votre compte de l’organisation ne donne pas accès à ce site. Demandez à un administrateur de vous inviter ou de vous attribuer un rôle.",
            page.QuerySelector("#single-sign-on-problem").Text());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        Assert.Null(await App.Database.RunAsync<UserManager<AppUser>, AppUser?>(users => users.FindByEmailAsync(email)));
        Assert.NotEmpty(App.Logs.Events(Security, "SignInRefused", "Email", email));
    }

    [Fact]
    public async Task Several_bodies_granted_at_once_are_refused_rather_than_one_chosen()
    {
        var email = $"two-bodies-{Guid.NewGuid():N}@example.org";
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, true, "Two Bodies", "wp-editors", "committee-ctp", "committee-other"));
        var browser = sso.Browser();

        var refused = await SignInThroughProviderAsync(browser);

        Assert.Contains("several committees", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), $"out-{Guid.NewGuid():N}@example.org", true, "Olga Out", "wp-editors"));
        var browser = sso.Browser();
        await SignInThroughProviderAsync(browser);
        var ended = Provider.EndedSessions;

        var signOut = await browser.PostFormAsync("/account/profile", "/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.StartsWith(Provider.Authority + "/connect/end-session", endSession.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(System.Web.HttpUtility.ParseQueryString(endSession.Query)["id_token_hint"]));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        var atProvider = await AtProvider.GetAsync(endSession);
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        Assert.Equal(ended + 1, Provider.EndedSessions);
        var back = await browser.GetAsync(atProvider.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var email = $"audience-{Guid.NewGuid():N}@example.org";
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, true, "Aud Other", "wp-admins"));
        Provider.Audience = "another-application";

        // IDX10214: the handler's audience check, not some other failure on the way.
        await AssertRefusedAsync(email, "IDX10214");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var email = $"expired-{Guid.NewGuid():N}@example.org";
        Provider.WillSignIn(new Person(Guid.NewGuid().ToString(), email, true, "Ex Pired", "wp-admins"));
        Provider.IssuesExpiredTokens = true;

        // IDX10223: the handler's lifetime check.
        await AssertRefusedAsync(email, "IDX10223");
    }

    private async Task AssertRefusedAsync(string email, string why)
    {
        var browser = sso.Browser();
        var failures = FailuresLogged();

        var callback = await SignInThroughProviderAsync(browser, stopAtCallback: true);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account/single-sign-on?handler=Failed", callback.Headers.Location!.OriginalString);
        var page = await browser.GetPageAsync(callback.Headers.Location.OriginalString);
        Assert.Contains("did not succeed", page.QuerySelector("#single-sign-on-problem").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        Assert.Null(await App.Database.RunAsync<UserManager<AppUser>, AppUser?>(users => users.FindByEmailAsync(email)));
        var failure = Assert.Single(FailuresLogged().Skip(failures.Count));
        Assert.Contains(why, failure.Values["Reason"]?.ToString(), StringComparison.Ordinal);
    }

    private List<LogCollector.Entry> FailuresLogged() =>
        App.Logs.Entries.Where(e => e.Category == Security && e.EventId.Name == "SingleSignOnFailed").ToList();

    /// <summary>
    /// What a browser does: the app sends it to the provider, the provider answers with a form that posts the code
    /// back to the app (response_mode=form_post), the app redeems the code over the back channel and finishes.
    /// Returns the app's answer at the end: a redirect into the app, or the page that says why not.
    /// </summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser, string? returnUrl = null, bool stopAtCallback = false)
    {
        var start = await browser.GetAsync("/account/single-sign-on" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        var atProvider = await AtProvider.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, atProvider.StatusCode);
        var form = new HtmlParser().ParseDocument(await atProvider.Content.ReadAsStringAsync()).QuerySelector("form")!;
        var action = new Uri(form.GetAttribute("action")!);
        Assert.Equal(OidcProvider.AppBase + "/signin-oidc", action.GetLeftPart(UriPartial.Path));
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

        var callback = await browser.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        if (stopAtCallback)
        {
            return callback;
        }

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await browser.GetAsync(callback.Headers.Location!.OriginalString);
    }

    private sealed record StoredUser(string Id, IReadOnlyList<string> Roles, string? Body, IReadOnlyList<(string Provider, string Key)> Logins);

    private Task<StoredUser> UserAsync(string email) => App.Database.RunAsync<UserManager<AppUser>, StoredUser>(async users =>
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var logins = await users.GetLoginsAsync(user);
        return new StoredUser(user.Id, [.. await users.GetRolesAsync(user)], user.BodyCode,
            [.. logins.Select(l => (l.LoginProvider, l.ProviderKey))]);
    });
}

/// <summary>Without <c>Authentication:Oidc</c>, single sign-on is off: only local accounts.</summary>
public sealed class SingleSignOnOffFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Without_settings_the_sign_in_page_offers_no_provider_and_its_page_is_not_found()
    {
        var client = app.ClientIn("en");

        var page = await client.GetPageAsync("/account/sign-in");

        Assert.Null(page.QuerySelector(".single-sign-on"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/single-sign-on")).StatusCode);
        var schemes = await app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.DoesNotContain(schemes, s => s.Name == SingleSignOn.Scheme);
    }
}

public sealed class ClaimMappingFacts
{
    private static readonly SingleSignOnOptions Options = new()
    {
        RoleClaim = "roles",
        Roles = new() { ["WP.Admin"] = Roles.Admin, ["WP.Editor"] = Roles.Editor, ["WP.Member"] = Roles.Member },
        BodyClaim = "groups",
        Bodies = new() { ["ctp"] = "CTP", ["fal"] = "FAL" },
    };

    private static ClaimsPrincipal With(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void The_highest_role_granted_wins_and_the_body_comes_from_its_own_claim()
    {
        var grant = Options.GrantFor(With(("roles", "WP.Member"), ("roles", "wp.editor"), ("groups", "ctp")), out var ambiguous);

        Assert.False(ambiguous);
        Assert.Equal(new(Roles.Editor, "CTP"), grant);
    }

    [Fact]
    public void No_mapped_value_grants_nothing_and_two_bodies_are_ambiguous()
    {
        Assert.Null(Options.GrantFor(With(("groups", "ctp"), ("roles", "Reader")), out var none));
        Assert.False(none);
        Assert.Null(Options.GrantFor(With(("roles", "WP.Editor"), ("groups", "ctp"), ("groups", "fal")), out var two));
        Assert.True(two);
    }

    [Fact]
    public void Single_sign_on_is_on_only_with_an_authority_and_a_client_and_always_asks_for_openid()
    {
        Assert.False(new SingleSignOnOptions { Authority = "https://login.example.org" }.IsOn);
        Assert.True(new SingleSignOnOptions { Authority = "https://login.example.org", ClientId = "wp" }.IsOn);
        Assert.Equal(new[] { "openid", "email", "groups" }, new SingleSignOnOptions { Scopes = "email, groups openid" }.ScopeList);
    }
}
