using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>Invite a person by e-mail (administrators): the same handler as <c>wp user invite</c>.</summary>
[DoNotCompress]
public sealed class InviteModel(InviteUser.Handler invite, MailSettings settings, OutboxSignal outbox) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string Role { get; set; } = Roles.Member;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public bool MailConfigured => settings.IsConfigured;

    public IReadOnlyList<(string Code, BilingualText Name)> Bodies { get; private set; } = [];

    public InviteUser.Invited? Invited { get; private set; }

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bodies = await invite.BodiesAsync(cancellationToken);
        Language ??= Localization.CurrentLanguage.Code();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Email))
        {
            Problems = [new BilingualText("Indiquez l'adresse électronique de la personne.", "Give the person's e-mail address.")];
            return Page();
        }

        var result = await invite.HandleAsync(new InviteUser.Command(Email, Role, Body, DisplayName, Language, PublicBase.Of(Request)), cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            return Page();
        }

        Invited = result.Value;
        if (Invited!.Queued)
        {
            outbox.Wake();
        }

        ModelState.Clear();
        Email = DisplayName = Body = null;
        return Page();
    }
}
