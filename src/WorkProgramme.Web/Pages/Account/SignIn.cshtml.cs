using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Identity;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Account;

public sealed class SignInModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    [Required]
    [EmailAddress]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A resource key; null when there is nothing to say.</summary>
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Problem = "SignIn.Incomplete";
            return Page();
        }

        // lockoutOnFailure: every failed attempt counts; the account locks after IdentityOptions.Lockout.MaxFailedAccessAttempts.
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        var log = SecurityLog.For(HttpContext);
        if (result.Succeeded)
        {
            SecurityLog.SignedIn(log, Email.Trim(), SecurityLog.AddressOf(HttpContext));
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
        }

        SecurityLog.SignInRefused(log, Email.Trim(), SecurityLog.AddressOf(HttpContext), result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "account deactivated" : "wrong e-mail or password");
        Problem = result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Failed";
        Password = "";
        return Page();
    }
}
