using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.TaskTypes;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>
/// The task types (administrators): added, renamed in French and English, moved, or deleted when no activity names them;
/// the code never changes (docs/decisions/0052). Every form carries the list's version: a save on top of a change made
/// meanwhile answers 409 and keeps what was typed.
/// </summary>
public sealed class TaskTypesModel(TaskTypeDirectory directory, TaskTypeEdits.Handler edits) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NameFr { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public bool Up { get; set; }

    /// <summary>The list when the form was shown (hidden field).</summary>
    [BindProperty]
    public string? Version { get; set; }

    public TaskTypeDirectory.Listing Listing { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    /// <summary>The add form was refused: it shows what was typed.</summary>
    public bool Adding { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Listing = await directory.ListAsync(cancellationToken);
        Version = Listing.Version;
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        Adding = true;
        return AnswerAsync("TaskTypes.Added", edits.HandleAsync(new TaskTypeEdits.Add(HttpContext.Viewer(), Version, Code, NameFr, NameEn), cancellationToken),
            cancellationToken);
    }

    public Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken) =>
        AnswerAsync("TaskTypes.Renamed", edits.HandleAsync(new TaskTypeEdits.Rename(HttpContext.Viewer(), Version, Code ?? "", NameFr, NameEn), cancellationToken),
            cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken) =>
        AnswerAsync("TaskTypes.Moved", edits.HandleAsync(new TaskTypeEdits.Move(HttpContext.Viewer(), Version, Code ?? "", Up), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken) =>
        AnswerAsync("TaskTypes.Deleted", edits.HandleAsync(new TaskTypeEdits.Delete(HttpContext.Viewer(), Version, Code ?? ""), cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(string saved, Task<Result<string>> write, CancellationToken cancellationToken)
    {
        var result = await write;
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success(saved);
            return RedirectToPage("/Admin/TaskTypes");
        }, async failure =>
        {
            // The user's values stay in the form; the next save is made knowingly on top of the list as it is now.
            Listing = await directory.ListAsync(cancellationToken);
            Problem = this.Refusal(failure, new BilingualText(
                "Les types de tâches ont été modifiés entre-temps ; vos valeurs sont conservées. Enregistrez à nouveau pour les appliquer.",
                "The task types were changed in the meantime; your values are kept. Save again to apply them."));
            if (Response.StatusCode != StatusCodes.Status409Conflict)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            Version = Listing.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        });
    }
}
