using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>
/// One Strategic Plan (administrators): its codes added, renamed, or deleted when no activity uses them (docs/decisions/0049).
/// Every form carries the plan's version (a digest of its codes): a save on top of a change made meanwhile answers 409 and
/// keeps what was typed.
/// </summary>
public sealed class PlanModel(PlanDirectory directory, PlanEdits.Handler edits) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? DisplayCodeFr { get; set; }

    [BindProperty]
    public string? DisplayCodeEn { get; set; }

    [BindProperty]
    public string? LabelFr { get; set; }

    [BindProperty]
    public string? LabelEn { get; set; }

    [BindProperty]
    public PlanElementGroup Group { get; set; } = PlanElementGroup.StrategicProcess;

    /// <summary>The plan's codes when the form was shown (hidden field).</summary>
    [BindProperty]
    public string? Version { get; set; }

    public PlanDirectory.Plan Plan { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    /// <summary>The add form was refused: it shows what was typed.</summary>
    public bool Adding { get; private set; }

    public async Task<IActionResult> OnGetAsync(string period, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(period, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        Version = plan.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string period, CancellationToken cancellationToken)
    {
        Adding = true;
        return AnswerAsync(period, "Plans.Added", edits.HandleAsync(new PlanEdits.AddCode(HttpContext.Viewer(), period, Version, Code,
            DisplayCodeFr, DisplayCodeEn, LabelFr, LabelEn, Group), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRenameAsync(string period, CancellationToken cancellationToken) =>
        AnswerAsync(period, "Plans.Renamed", edits.HandleAsync(new PlanEdits.RenameCode(HttpContext.Viewer(), period, Version, Code ?? "",
            DisplayCodeFr, DisplayCodeEn, LabelFr, LabelEn), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string period, CancellationToken cancellationToken) =>
        AnswerAsync(period, "Plans.Deleted", edits.HandleAsync(new PlanEdits.DeleteCode(HttpContext.Viewer(), period, Version, Code ?? ""),
            cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(string period, string saved, Task<Result<string>> write, CancellationToken cancellationToken)
    {
        var result = await write;
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success(saved);
            return RedirectToPage("/Admin/Plan", new { period });
        }, async failure =>
        {
            if (await directory.FindAsync(period, cancellationToken) is not { } plan)
            {
                return NotFound();
            }

            // The user's values stay in the form; the next save is made knowingly on top of the plan as it is now.
            Plan = plan;
            Problem = this.Refusal(failure, new BilingualText(
                "Ce plan a été modifié entre-temps ; vos valeurs sont conservées. Enregistrez à nouveau pour les appliquer.",
                "This plan was changed in the meantime; your values are kept. Save again to apply them."));
            if (Response.StatusCode != StatusCodes.Status409Conflict)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            Version = plan.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        });
    }
}
