using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Account;

/// <summary>
/// "Forgotten password": the answer is the same whether or not an account has the address (rate-limited per client
/// address with the sign-in, see <see cref="Hardening"/>).
/// </summary>
public sealed class ForgottenPasswordModel(RequestPasswordReset.Handler reset, MailSettings settings, OutboxSignal outbox) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool MailConfigured => settings.IsConfigured;

    public bool Asked { get; private set; }

    public bool Incomplete { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            Incomplete = true;
            return Page();
        }

        if (await reset.HandleAsync(new RequestPasswordReset.Command(Email, PublicBase.Of(Request)), cancellationToken))
        {
            outbox.Wake();
        }

        Asked = true;
        return Page();
    }
}
