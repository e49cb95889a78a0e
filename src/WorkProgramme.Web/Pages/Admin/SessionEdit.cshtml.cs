using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Application.Writes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>Reschedules one session (administrators): the deadlines naming it follow.</summary>
public sealed class SessionEditModel(SessionCalendar.Handler calendar, RescheduleSession.Handler reschedule) : PageModel
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public SessionCalendar.Row Session { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    /// <summary>The session's schedule when the form was shown (hidden field): a change made meanwhile is not replaced unseen.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string session, CancellationToken cancellationToken)
    {
        var found = await calendar.FindAsync(session, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Session = found;
        Form = SessionForm.From(found);
        Version = found.Version;
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

        var result = await reschedule.HandleAsync(new RescheduleSession.Command(HttpContext.Viewer(), session, Form.Year!.Value, Form.Month!.Value,
            Form.ChosenSeason, Form.StartDate, Form.EndDate, Form.Place, Version), cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success("Sessions.Rescheduled");
            return RedirectToPage("/Admin/Sessions", null, new { body = found.BodyCode }, session);
        }, failure =>
        {
            // The user's values stay in the form; the next save is made knowingly on top of the session as it is now.
            Problem = failure.Stale || failure.Kind == FailureKind.PreconditionRequired
                ? new BilingualText(
                    "La session a été modifiée entre-temps (elle se tient désormais en " + SessionName.MonthYear(found.Year, found.Month, Language.Fr) + ") ; vos valeurs sont conservées. Enregistrez à nouveau pour les appliquer.",
                    "The session was changed in the meantime (it is now in " + SessionName.MonthYear(found.Year, found.Month, Language.En) + "); your values are kept. Save again to apply them.")
                : PageResults.Messages(failure).FirstOrDefault();
            Version = found.Version;
            ModelState.Remove(nameof(Version));
            if (failure.Stale || failure.Kind == FailureKind.PreconditionRequired)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }

            return Task.FromResult<IActionResult>(Page());
        });
    }
}
