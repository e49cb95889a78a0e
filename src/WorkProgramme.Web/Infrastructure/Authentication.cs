using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Infrastructure;

public static class Policies
{
    public const string Edit = "edit";
    public const string Admin = "admin";

    /// <summary>Who may add a TMX to the translation memory: <c>ImportMemory.MayImport</c>, the handler's own rule.</summary>
    public const string TranslationMemory = "translation-memory";
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
            .AddSignInManager<AppSignInManager>()
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

            // Identity checks the security stamp only every 30 minutes; a deactivated user, or one whose role or body an
            // administrator changed, must not keep a session that long.
            var stampCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await stampCheck(context);
                if (context.Principal is { } principal && !await SessionStillValidAsync(context.HttpContext, principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
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
            .AddPolicy(Policies.Edit, policy => policy.RequireRole(Roles.Admin, Roles.Editor).AddRequirements(new EditsTheProgrammesBody()))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.TranslationMemory, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => Application.Features.Translation.ImportMemory.MayImport(Application.Identity.Viewer.From(context.User))));
        services.AddScoped<IAuthorizationHandler, EditsTheProgrammesBodyHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProgrammeBodyForbiddenHandler>();
        return services;
    }

    public static Viewer Viewer(this HttpContext context) => Application.Identity.Viewer.From(context.User);

    /// <summary>The user still exists, is active, and has the security stamp the cookie was issued with (one read by key).</summary>
    private static async Task<bool> SessionStillValidAsync(HttpContext context, ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }

        var stampType = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal.FindFirstValue(stampType);
        var db = context.RequestServices.GetRequiredService<WorkProgrammeDb>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt }).SingleOrDefaultAsync(context.RequestAborted);
        return user is { DeactivatedAt: null } && (stamp is null || stamp == user.SecurityStamp);
    }

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

/// <summary>
/// Refuses a deactivated user at every way in, and on each sign-in notes its time and sets the interface to the
/// user's preferred language.
/// </summary>
internal sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    Application.Features.Users.UserPreferences.Handler preferences)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        await preferences.RecordSignInAsync(user.Id, Context.RequestAborted);
        if (Domain.Common.Languages.TryParse(user.PreferredLanguage, out var language))
        {
            Localization.Remember(Context, language);
        }
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
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? Application.Features.Audit.AuditActors.Anonymous;
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
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
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
