using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Application.Writes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>Assigns an activity to the Secretariat officers who write its report (editors of the body).</summary>
public sealed class AssignModel(ViewActivity.Handler view, Assignments.Handler assignments) : PageModel
{
    [BindProperty]
    public List<string> UserIds { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The officers' version when the form was shown (hidden field): a change made meanwhile is not replaced unseen.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public ViewActivity.Result Activity { get; private set; } = null!;

    public IReadOnlyList<Assignments.Officer> Officers { get; private set; } = [];

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
        {
            return NotFound();
        }

        // Whether this editor edits the programme's body is the edit policy's (ProgrammeBodyAuthorization).
        var assigned = await assignments.ByActivityAsync([id], cancellationToken);
        UserIds = [.. (assigned.GetValueOrDefault(id) ?? []).Select(o => o.UserId)];
        Version = Assignments.VersionOf(UserIds);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var result = await assignments.HandleAsync(new Assignments.Assign(HttpContext.Viewer(), slug, id, UserIds, Version), cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success("Assign.Saved");
            return Redirect(ReturnUrl is { } back && Url.IsLocalUrl(back) ? back : Url.Page("/Programmes/Activity", new { slug, id })!);
        }, async failure =>
        {
            Problem = this.Refusal(failure, new BilingualText(
                "Les responsables ont été modifiés entre-temps ; votre choix est conservé. Enregistrez à nouveau pour le confirmer.",
                "The officers were changed in the meantime; your choice is kept. Save again to confirm it."));
            // The user's ticks stay; the next save is made knowingly on top of the current assignment.
            Version = failure.CurrentVersion ?? Version;
            ModelState.Remove(nameof(Version));

            return await LoadAsync(slug, id, cancellationToken) ? Page() : NotFound();
        });
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
