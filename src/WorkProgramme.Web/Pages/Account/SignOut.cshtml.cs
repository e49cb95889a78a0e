using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Identity;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Account;

/// <summary>POST only (with the antiforgery token): a link cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // Signed in through the provider (its id_token is in the cookie): sign out there too when it can, and come back
        // home through its redirect. First, while the cookie still holds the id_token the provider wants as a hint.
        if (await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") is not null
            && await SingleSignOn.ProviderEndsSessionsAsync(HttpContext))
        {
            await HttpContext.SignOutAsync(SingleSignOn.Scheme, new AuthenticationProperties { RedirectUri = Url.Page("/Index") });
            await signIn.SignOutAsync();
            return new EmptyResult();
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
