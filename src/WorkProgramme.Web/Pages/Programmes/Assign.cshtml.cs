using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>Assigns an activity to the Secretariat officers who write its report (editors of the body).</summary>
public sealed class AssignModel(ViewActivity.Handler view, Assignments.Handler assignments) : PageModel
{
    [BindProperty]
    public List<string> UserIds { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ViewActivity.Result Activity { get; private set; } = null!;

    public IReadOnlyList<Assignments.Officer> Officers { get; private set; } = [];

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
        {
            return NotFound();
        }

        if (!HttpContext.Viewer().CanEdit(Activity.BodyCode))
        {
            return Forbid();
        }

        var assigned = await assignments.ByActivityAsync([id], cancellationToken);
        UserIds = [.. (assigned.GetValueOrDefault(id) ?? []).Select(o => o.UserId)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            switch (await assignments.HandleAsync(new Assignments.Assign(HttpContext.Viewer(), slug, id, UserIds), cancellationToken))
            {
                case Assignments.Outcome.NotFound:
                    return NotFound();
                case Assignments.Outcome.Forbidden:
                    return Forbid();
            }
        }
        catch (DomainException refused)
        {
            Problem = refused.Messages;
            return await LoadAsync(slug, id, cancellationToken) ? Page() : NotFound();
        }

        TempData.Success("Assign.Saved");
        return Redirect(ReturnUrl is { } back && Url.IsLocalUrl(back) ? back : Url.Page("/Programmes/Activity", new { slug, id })!);
    }

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var activity = await view.HandleAsync(new ViewActivity.Query(HttpContext.Viewer(), slug, id), cancellationToken);
        if (activity is null)
        {
            return false;
        }

        Activity = activity;
        Officers = await assignments.OfficersAsync(activity.BodyCode, cancellationToken);
        return true;
    }
}
