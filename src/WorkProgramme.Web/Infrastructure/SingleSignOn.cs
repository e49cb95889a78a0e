using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Settings of single sign-on through the organisation's identity provider (<c>Authentication:Oidc</c>,
/// docs/decisions/0033). Off while <see cref="Authority"/> or <see cref="ClientId"/> is empty.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer, where <c>/.well-known/openid-configuration</c> is found.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space- or comma-separated; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>Off only for a provider on loopback (tests, a local trial): metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim whose values <see cref="Roles"/> maps, e.g. <c>groups</c> or <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>Claim value → role (<c>admin</c>, <c>editor</c>, <c>member</c>); the highest role granted wins.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>The claim whose values <see cref="Bodies"/> maps.</summary>
    public string BodyClaim { get; set; } = "groups";

    /// <summary>Claim value → body code; more than one body granted is refused.</summary>
    public Dictionary<string, string> Bodies { get; set; } = [];

    public bool IsOn => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<string> ScopeList => new[] { "openid" }
        .Concat(Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// What the person's claims grant: the highest mapped role and the mapped body; null when no role is mapped.
    /// <paramref name="ambiguous"/> says that several bodies were mapped, which this app cannot hold.
    /// </summary>
    public SignInExternally.Grant? GrantFor(ClaimsPrincipal principal, out bool ambiguous)
    {
        var roles = Mapped(principal, RoleClaim, Roles);
        var bodies = Mapped(principal, BodyClaim, Bodies).Distinct(StringComparer.Ordinal).ToList();
        ambiguous = bodies.Count > 1;
        var role = Application.Identity.Roles.All.FirstOrDefault(roles.Contains);
        return role is null || ambiguous ? null : new SignInExternally.Grant(role, bodies.SingleOrDefault());
    }

    private static List<string> Mapped(ClaimsPrincipal principal, string claim, Dictionary<string, string> map)
    {
        var lookup = new Dictionary<string, string>(map, StringComparer.OrdinalIgnoreCase);
        return principal.FindAll(claim).Select(c => lookup.GetValueOrDefault(c.Value)).OfType<string>().ToList();
    }
}

/// <summary>
/// The OpenID Connect scheme (authorization code with PKCE), registered only when <see cref="SingleSignOnOptions"/>
/// says so; settings are read from the built configuration, so every source counts, tests' included. The provider's
/// answer lands in Identity's external cookie; <c>/account/single-sign-on</c> turns it into a signed-in user.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public static IServiceCollection AddWebSingleSignOn(this IServiceCollection services)
    {
        services.AddOptions<SingleSignOnOptions>().BindConfiguration(SingleSignOnOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<SingleSignOnOptions>>((options, sso) =>
        {
            if (sso.Value.IsOn)
            {
                options.AddScheme<OpenIdConnectHandler>(Scheme, null);
            }
        });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<SingleSignOnOptions>, LinkGenerator>((options, sso, links) =>
        {
            var settings = sso.Value;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in settings.ScopeList)
            {
                options.Scope.Add(scope);
            }

            // The claims as the provider names them (sub, email, groups), not remapped to WS-* URIs.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.SignInScheme = IdentityConstants.ExternalScheme;

            // Sign-out reads the id_token kept in the app's cookie as the hint the provider's end-session endpoint wants.
            options.SignOutScheme = IdentityConstants.ApplicationScheme;
            options.SaveTokens = true;
            options.Events.OnRemoteFailure = context =>
            {
                SecurityLog.SingleSignOnFailed(SecurityLog.For(context.HttpContext), SecurityLog.AddressOf(context.HttpContext),
                    context.Failure?.Message ?? "unknown");
                context.Response.Redirect(links.GetPathByPage(context.HttpContext, "/Account/SingleSignOn", "Failed")!);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// The security policy with the provider's origin among the form actions: browsers apply <c>form-action</c> to the
    /// redirects that follow a form, and signing out (a form) ends at the provider's end-session endpoint.
    /// </summary>
    public static string ContentSecurityPolicy(IServiceProvider services)
    {
        var sso = services.GetRequiredService<IOptions<SingleSignOnOptions>>().Value;
        return sso.IsOn && Uri.TryCreate(sso.Authority, UriKind.Absolute, out var authority)
            ? Hardening.ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : Hardening.ContentSecurityPolicy;
    }

    /// <summary>Whether the provider has an end-session endpoint (many do; signing out there needs one).</summary>
    public static async Task<bool> ProviderEndsSessionsAsync(HttpContext context)
    {
        if (!context.RequestServices.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.IsOn)
        {
            return false;
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
        return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
    }
}
