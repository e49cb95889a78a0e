using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>Someone the provider vouches for, with the claims a test chooses.</summary>
public sealed record Person(string Subject, string Email, bool EmailVerified, string Name, params string[] Groups);

/// <summary>
/// A real OpenID Connect provider for the single sign-on tests: OpenIddict's server on Kestrel on loopback, over real
/// HTTP, with its discovery document, its key set and fresh RSA signing keys. It knows one client, the app under test
/// on <see cref="AppBase"/>, and signs in <see cref="Next"/> at once (no login form: the person is the test's choice).
/// Degraded mode (no database): the client, its secret and its redirect addresses are checked by the handlers below.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "workprogramme";
    public const string ClientSecret = "a client secret for the tests only";

    /// <summary>Where the app under test runs for the browser (WebApplicationFactory's test server, HTTPS).</summary>
    public const string AppBase = "https://localhost";

    private readonly WebApplication host;

    private OidcProvider(WebApplication host, string authority)
    {
        this.host = host;
        Authority = authority;
    }

    public string Authority { get; }

    /// <summary>The person signed in at the next authorization request.</summary>
    public Person? Next { get; set; }

    /// <summary>When set, identity tokens name this audience instead of the client (a token meant for another app).</summary>
    public string? Audience { get; set; }

    /// <summary>When true, identity tokens were issued two hours ago and expired one hour ago.</summary>
    public bool IssuesExpiredTokens { get; set; }

    /// <summary>How many end-session (sign-out) requests the provider accepted.</summary>
    public int EndedSessions { get; private set; }

    /// <summary>Sets who signs in next and issues well-formed tokens again.</summary>
    public void WillSignIn(Person person)
    {
        Next = person;
        Audience = null;
        IssuesExpiredTokens = false;
    }

    public static async Task<OidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        OidcProvider? provider = null;
        Func<OidcProvider> self = () => provider!;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/end-session");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile, "groups");
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != AppBase + "/signin-oidc")
                {
                    context.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != AppBase + "/signout-callback-oidc")
                {
                    context.Reject(Errors.InvalidRequest, "Unknown post_logout_redirect_uri.");
                }

                return default;
            }));

            // After OpenIddict has set the identity token's audience and lifetime: what a misbehaving provider would send.
            options.AddEventHandler<ProcessSignInContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.IdentityTokenPrincipal is { } principal)
                {
                    if (self().Audience is { } audience)
                    {
                        principal.SetAudiences(audience);
                        principal.SetClaim(Claims.AuthorizedParty, audience);
                    }

                    if (self().IssuesExpiredTokens)
                    {
                        var now = DateTimeOffset.UtcNow;
                        principal.SetCreationDate(now.AddHours(-2)).SetExpirationDate(now.AddHours(-1));
                    }
                }

                return default;
            }).SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
        });

        var host = builder.Build();
        host.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var person = self().Next ?? throw new InvalidOperationException("The test did not say who signs in.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Email, person.Email).SetClaim(Claims.Name, person.Name);
            identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            foreach (var group in person.Groups)
            {
                identity.AddClaim(new Claim("groups", group));
            }

            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        host.MapPost("/connect/token", async (HttpContext context) =>
        {
            // The code's own principal (claims and their destinations), checked by OpenIddict: code, PKCE verifier, client.
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(code.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        host.MapMethods("/connect/end-session", [HttpMethods.Get, HttpMethods.Post], () =>
        {
            self().EndedSessions++;
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await host.StartAsync();
        provider = new OidcProvider(host, host.Urls.Single().TrimEnd('/'));
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
