using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>The sessions calendar of a body (administrators): list, add.</summary>
public sealed class SessionsModel(SessionCalendar.Handler calendar, AddSession.Handler add) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty]
    public string? Ordinals { get; set; }

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public SessionCalendar.Result Calendar { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    /// <summary>"14–18 April 2024", "14 April 2024": the days a session meets, empty when none is known.</summary>
    public string Dates(Display display, SessionCalendar.Row session) => (session.StartDate, session.EndDate) switch
    {
        ({ } start, { } end) when start == end => display.Date(start),
        ({ } start, { } end) => $"{display.Date(start)} – {display.Date(end)}",
        ({ } start, null) => display.Date(start),
        (null, { } end) => display.Date(end),
        _ => "",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Calendar = await calendar.HandleAsync(new SessionCalendar.Query(Body ?? "CTP"), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var numbers = (Ordinals ?? "").Split(',', '/', ' ').Where(o => o.Length > 0)
            .Select(o => int.TryParse(o, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToList();
        Problem = numbers.Count == 0 || numbers.Any(n => n <= 0)
            ? new BilingualText("Numéros de session : des entiers positifs séparés par des virgules (ex. 245,246).",
                "Session numbers: positive whole numbers separated by commas (e.g. 245,246).")
            : Form.ShapeProblem();
        if (Problem is null)
        {
            try
            {
                var key = await add.HandleAsync(new AddSession.Command(HttpContext.Viewer(), Body ?? "", numbers, Form.Year!.Value, Form.Month!.Value,
                    Form.ChosenSeason, Form.StartDate, Form.EndDate, Form.Place), cancellationToken);
                TempData.Success("Sessions.Added");
                return RedirectToPage("/Admin/Sessions", null, new { body = Body }, key);
            }
            catch (DomainException refused)
            {
                Problem = refused.Messages;
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
