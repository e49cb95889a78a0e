using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Mail;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>The outbox (administrators): what is queued, sent and failed; the same as <c>wp mail status</c>.</summary>
public sealed class MailModel(MailStatus.Handler handler) : PageModel
{
    public MailStatus.Result Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await handler.HandleAsync(new MailStatus.Query(), cancellationToken);
}
