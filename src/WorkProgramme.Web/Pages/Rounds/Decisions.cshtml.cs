using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Rounds;

/// <summary>The session outcome: the committee's decision on each activity it discussed (editors, after the session).</summary>
public sealed class DecisionsModel(SessionDecisions.Handler decisions) : PageModel
{
    [BindProperty]
    public Guid ActivityId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? TextFr { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    [BindProperty]
    public string? DocumentSymbol { get; set; }

    public SessionDecisions.SessionResult Outcome { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string session, CancellationToken cancellationToken)
    {
        var outcome = await decisions.ForSessionAsync(HttpContext.Viewer(), slug, session, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        Outcome = outcome;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string session, CancellationToken cancellationToken)
    {
        if (!Wire.TryParse<DecisionKind>(Kind, out var kind))
        {
            Problem = new BilingualText("Choisissez ce que le comité a décidé.", "Choose what the committee decided.");
            return await OnGetAsync(slug, session, cancellationToken);
        }

        try
        {
            var result = await decisions.HandleAsync(new SessionDecisions.Record(HttpContext.Viewer(), slug, session, ActivityId, kind,
                new BilingualText(TextFr, TextEn), DocumentSymbol), cancellationToken);
            switch (result)
            {
                case SessionDecisions.Outcome.NotFound:
                    return NotFound();
                case SessionDecisions.Outcome.Forbidden:
                    return Forbid();
            }
        }
        catch (DomainException refused)
        {
            Problem = refused.Messages;
            return await OnGetAsync(slug, session, cancellationToken);
        }

        TempData.Success("Decisions.Saved");
        return RedirectToPage("/Rounds/Decisions", null, new { slug, session }, $"a-{ActivityId}");
    }
}
