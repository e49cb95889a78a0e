using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Account;

/// <summary>
/// Single sign-on (docs/decisions/0033): a GET goes to the organisation's identity provider; the provider's answer,
/// checked by the OpenID Connect handler and held in Identity's external cookie, comes back to <c>Complete</c>, which
/// finds or creates the user and signs them in, or says in words why not. Not found while single sign-on is off.
/// </summary>
public sealed class SingleSignOnModel(IOptions<SingleSignOnOptions> sso, SignInManager<AppUser> signIn, SignInExternally.Handler externally)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A resource key; null when there is nothing to say.</summary>
    public string? Problem { get; private set; }

    public IActionResult OnGet()
    {
        if (!sso.Value.IsOn)
        {
            return NotFound();
        }

        var complete = Url.Page("/Account/SingleSignOn", "Complete", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(new AuthenticationProperties { RedirectUri = complete }, SingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnGetCompleteAsync(CancellationToken cancellationToken)
    {
        if (!sso.Value.IsOn)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var principal = external.Principal;
        var subject = principal?.FindFirstValue("sub");
        var log = SecurityLog.For(HttpContext);
        var address = SecurityLog.AddressOf(HttpContext);
        if (principal is null || subject is null)
        {
            SecurityLog.SingleSignOnFailed(log, address, external.Failure?.Message ?? "no external sign-in to complete");
            Problem = "SingleSignOn.Failed";
            return Page();
        }

        var email = principal.FindFirstValue("email");
        var verified = string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var grant = sso.Value.GrantFor(principal, out var ambiguous);

        // Nobody is signed in yet: the audit trail names the provider, acting for this person, as who created or changed the user.
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, Application.Features.Audit.AuditActors.SingleSignOn(email ?? subject))], SingleSignOn.Scheme));
        var outcome = ambiguous
            ? SignInExternally.Outcome.Refuse(SignInExternally.Refusal.InvalidGrant)
            : await externally.HandleAsync(new SignInExternally.Command(SingleSignOn.Scheme, subject, email, verified,
                principal.FindFirstValue("name"), grant), cancellationToken);
        if (outcome.User is not { } user)
        {
            SecurityLog.SignInRefused(log, email ?? subject, address, "single sign-on: " + Reason(outcome.Refused, ambiguous));
            Problem = "SingleSignOn." + outcome.Refused;
            return Page();
        }

        if (outcome.Created)
        {
            SecurityLog.UserCreatedBySingleSignOn(log, user.Email ?? subject, grant!.Role, user.BodyCode);
        }

        // Only the id_token is kept (the hint for signing out at the provider): the cookie stays small.
        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue("id_token") is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }

        await signIn.SignInAsync(user, properties, SingleSignOn.Scheme);
        SecurityLog.SignedInThroughProvider(log, user.Email ?? "?", subject, address);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
    }

    public IActionResult OnGetFailed()
    {
        Problem = "SingleSignOn.Failed";
        return Page();
    }

    private static string Reason(SignInExternally.Refusal? refusal, bool ambiguous) => refusal switch
    {
        SignInExternally.Refusal.NoAccount => "no user has this e-mail and the directory grants no role",
        SignInExternally.Refusal.EmailNotVerified => "the provider did not verify the e-mail",
        SignInExternally.Refusal.LockedOut => "locked out",
        SignInExternally.Refusal.InvalidGrant when ambiguous => "the directory grants several bodies",
        SignInExternally.Refusal.InvalidGrant => "the directory grants an unknown body, or a member role without a body",
        _ => "unknown",
    };
}
