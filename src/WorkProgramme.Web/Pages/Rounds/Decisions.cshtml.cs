using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Application.Writes;
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

    /// <summary>The decision's version when the form was shown (hidden field): a decision recorded meanwhile is not replaced unseen.</summary>
    [BindProperty]
    public string? Version { get; set; }

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

        var result = await decisions.HandleAsync(new SessionDecisions.Record(HttpContext.Viewer(), slug, session, ActivityId, kind,
            new BilingualText(TextFr, TextEn), DocumentSymbol, Version), cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success("Decisions.Saved");
            return RedirectToPage("/Rounds/Decisions", null, new { slug, session }, $"a-{ActivityId}");
        }, async failure =>
        {
            Problem = this.Refusal(failure, new BilingualText(
                "Une décision a été enregistrée entre-temps pour cette activité : la voici ; vos valeurs sont conservées dans le formulaire. Enregistrez à nouveau pour la remplacer.",
                "A decision was recorded for this activity in the meantime: here it is; your values are kept in the form. Save again to replace it."));

            return await OnGetAsync(slug, session, cancellationToken);
        });
    }
}
