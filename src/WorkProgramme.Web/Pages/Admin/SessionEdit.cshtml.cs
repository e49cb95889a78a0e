using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>Reschedules one session (administrators): the deadlines naming it follow.</summary>
public sealed class SessionEditModel(SessionCalendar.Handler calendar, RescheduleSession.Handler reschedule) : PageModel
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public SessionCalendar.Row Session { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string session, CancellationToken cancellationToken)
    {
        var found = await calendar.FindAsync(session, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Session = found;
        Form = SessionForm.From(found);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string session, CancellationToken cancellationToken)
    {
        var found = await calendar.FindAsync(session, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Session = found;
        Problem = Form.ShapeProblem();
        if (Problem is not null)
        {
            return Page();
        }

        try
        {
            await reschedule.HandleAsync(new RescheduleSession.Command(HttpContext.Viewer(), session, Form.Year!.Value, Form.Month!.Value,
                Form.ChosenSeason, Form.StartDate, Form.EndDate, Form.Place), cancellationToken);
        }
        catch (DomainException refused)
        {
            Problem = refused.Messages;
            return Page();
        }

        TempData.Success("Sessions.Rescheduled");
        return RedirectToPage("/Admin/Sessions", null, new { body = found.BodyCode }, session);
    }
}
