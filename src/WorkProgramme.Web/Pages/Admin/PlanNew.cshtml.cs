using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>A new Strategic Plan (administrators): its period and titles; its codes are added on its page.</summary>
public sealed class PlanNewModel(PlanEdits.Handler edits) : PageModel
{
    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? TitleFr { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    public BilingualText? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await edits.HandleAsync(new PlanEdits.Create(HttpContext.Viewer(), Period, TitleFr, TitleEn), cancellationToken);
        return await this.AnswerAsync(result, period =>
        {
            TempData.Success("Plans.Created");
            return RedirectToPage("/Admin/Plan", new { period });
        }, failure =>
        {
            Problem = this.Refusal(failure, new BilingualText("Refusé.", "Refused."));
            if (Response.StatusCode != StatusCodes.Status409Conflict)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Task.FromResult<IActionResult>(Page());
        });
    }
}
