using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkProgramme.Application.Auditing;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Infrastructure;

public static class Policies
{
    public const string Edit = "edit";
    public const string Admin = "admin";
}

/// <summary>
/// Sign-in cookies for people, bearer tokens for scripts, and deny by default: a page or endpoint that does not say
/// who may use it requires a signed-in user.
/// </summary>
public static class Authentication
{
    public const string Scheme = "WorkProgramme";
    public const string TokenScheme = "ApiToken";

    public static IServiceCollection AddWebAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<ICurrentActor, HttpActor>());
        new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, Scheme, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "wp.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // An API caller gets a status code, not the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        // From the pages' routes; the cookie handler adds the path base itself.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<LinkGenerator>((options, links) =>
            {
                options.LoginPath = links.PagePath("/Account/SignIn");
                options.LogoutPath = links.PagePath("/Account/SignOut");
                options.AccessDeniedPath = links.PagePath("/Account/Denied");
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Edit, policy => policy.RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        return services;
    }

    public static Viewer Viewer(this HttpContext context) => Application.Identity.Viewer.From(context.User);

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status403Forbidden)
        {
            SecurityLog.AccessDenied(SecurityLog.For(context.HttpContext), SecurityLog.UserOf(context.HttpContext),
                context.Request.Method, context.Request.Path);
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the user's body and display name to the sign-in identity.</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.BodyCode is not null)
        {
            identity.AddClaim(new Claim(Application.Identity.Viewer.BodyClaim, user.BodyCode));
        }

        identity.AddClaim(new Claim("wp:display-name", user.DisplayName ?? user.Email ?? user.UserName ?? ""));
        return identity;
    }
}

/// <summary>The audit trail's "who" for a web request.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "anonymous";
}

/// <summary>Authenticates <c>Authorization: Bearer wpt_…</c> against the stored token hashes.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WorkProgrammeDb db,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiToken.HashOf(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            SecurityLog.ApiTokenRefused(SecurityLog.For(Context), Request.Method, Request.Path, SecurityLog.AddressOf(Context));
            return AuthenticateResult.Fail("Invalid or revoked token.");
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        SecurityLog.AccessDenied(SecurityLog.For(Context), SecurityLog.UserOf(Context), Request.Method, Request.Path);
        return base.HandleForbiddenAsync(properties);
    }
}
