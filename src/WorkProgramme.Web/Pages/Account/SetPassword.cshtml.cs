using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Account;

/// <summary>
/// Where an invitation or a password-reset link leads: the person chooses a password (and the language of their
/// e-mails) once, and is signed in. A used, expired or replaced link is refused in words, with the way to a new one.
/// </summary>
[DoNotCompress]
public sealed class SetPasswordModel(AccountLinks.Handler links, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public string? Email { get; private set; }

    public bool IsInvitation { get; private set; }

    public BilingualText? Refusal { get; private set; }

    public BilingualText? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await links.CheckAsync(Token, cancellationToken);
        IsInvitation = found.Purpose == AccountLinkPurpose.Invitation;
        if (found.State != AccountLinkState.Valid)
        {
            Refusal = AccountLinks.Refusal(found.State);
            return;
        }

        Email = found.Email;
        Language ??= found.PreferredLanguage ?? Localization.CurrentLanguage.Code();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Password != Confirm)
        {
            await OnGetAsync(cancellationToken);
            Problem = new BilingualText("Les deux mots de passe diffèrent.", "The two passwords differ.");
            return Page();
        }

        var result = await links.SetPasswordAsync(new AccountLinks.SetPassword(Token ?? "", Password ?? "", Language), cancellationToken);
        if (!result.Succeeded)
        {
            await OnGetAsync(cancellationToken);
            if (Refusal is null)
            {
                Problem = result.Problems.FirstOrDefault();
            }

            return Page();
        }

        var signedIn = await signIn.PasswordSignInAsync(result.Value!, Password!, isPersistent: false, lockoutOnFailure: false);
        SecurityLog.PasswordSet(SecurityLog.For(HttpContext), result.Value!, SecurityLog.AddressOf(HttpContext));
        return signedIn.Succeeded ? RedirectToPage("/Index") : RedirectToPage("/Account/SignIn");
    }
}
