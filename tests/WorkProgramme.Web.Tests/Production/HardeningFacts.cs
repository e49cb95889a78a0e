using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

public sealed class SecurityHeaderFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/programmes")]
    public async Task Every_response_forbids_framing_sniffing_inline_scripts_and_leaking_the_address(string url)
    {
        var response = await app.ClientIn("en").GetAsync(url);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task No_page_has_an_inline_script_style_or_event_handler_the_policy_would_block()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var file = await app.ClientIn(null).GetStringAsync($"/api/programmes/{SeedFile.PtcSlug}");
        var activityId = System.Text.RegularExpressions.Regex.Match(file, "\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").Groups[1].Value;
        string[] pages =
        [
            "/", "/account/sign-in", "/account/profile", $"/programmes/{SeedFile.PtcSlug}", $"/programmes/{SeedFile.PtcSlug}/checks",
            $"/programmes/{SeedFile.PtcSlug}/activities/{activityId}", $"/programmes/{SeedFile.PtcSlug}/activities/{activityId}/edit",
        ];

        foreach (var url in pages)
        {
            var page = new HtmlParser().ParseDocument(await editor.GetStringAsync(url));
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://wp.example.org"), AllowAutoRedirect = false });
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://wp.example.org"), AllowAutoRedirect = false });

        var overTls = await secure.GetAsync("/");
        var overHttp = await plain.GetAsync("/");

        Assert.StartsWith("max-age=31536000", Assert.Single(overTls.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>Each fact starts its own app: the limits are settings read at start.</summary>
public sealed class LimitFacts : IAsyncLifetime
{
    private readonly WebAppFactory app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_and_pages_stay_open()
    {
        app.Settings["RateLimits:SignInPerMinute"] = "3";
        var (email, _) = await app.UserAsync(Roles.Editor, "CTP");
        var client = app.ClientIn("en");

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add((await client.SignInAsync(email, "wrong password " + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], attempts);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Forgotten_password_requests_beyond_the_sign_in_limit_get_429()
    {
        app.Settings["RateLimits:SignInPerMinute"] = "3";
        app.Settings["Email:Smtp:Host"] = "127.0.0.1"; // e-mail on (the form shows); unknown addresses queue nothing
        app.Settings["Email:From"] = "wp@example.org";
        var client = app.ClientIn("en");

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add((await client.PostFormAsync("/account/forgotten-password", "/account/forgotten-password",
                new Dictionary<string, string> { ["Email"] = $"someone{i}@example.org" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], attempts);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/forgotten-password")).StatusCode);
    }

    [Fact]
    public async Task Api_calls_beyond_the_limit_get_429_with_retry_after()
    {
        app.Settings["RateLimits:ApiPerMinute"] = "2";
        var client = app.ClientIn("en");

        var first = await client.GetAsync("/api/programmes");
        var second = await client.GetAsync("/api/programmes");
        var third = await client.GetAsync("/api/programmes");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_gets_413_and_changes_nothing()
    {
        app.Settings["Limits:MaxRequestBodyBytes"] = "1000";
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var before = await app.Database.ContentHashAsync();

        var response = await editor.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = new string('x', 2000) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task Behind_a_known_proxy_over_tls_the_session_cookie_is_secure_and_hsts_is_sent()
    {
        app.Settings["ReverseProxy:KnownProxies"] = "10.0.0.5";
        app.ExtraServices = services => services.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("10.0.0.5")));
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://wp.example.org"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var signedIn = await client.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wp.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.True(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        app.Settings["ReverseProxy:KnownProxies"] = "10.0.0.5";
        app.ExtraServices = services => services.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("198.51.100.9")));
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://wp.example.org"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var signedIn = await client.SignInAsync(email, password);

        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wp.session=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.False(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The test server has no network peer: this sets the address the request seems to come from.</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
