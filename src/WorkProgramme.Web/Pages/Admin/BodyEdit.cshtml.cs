using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>
/// Renames one body (administrators): abbreviations and names in French and English; its code stays. The code travels in
/// the query string: some hold a slash ("CG/CKR").
/// </summary>
public sealed class BodyEditModel(BodyDirectory directory, EditBody.Handler edit) : PageModel
{
    [BindProperty]
    public string? AbbreviationFr { get; set; }

    [BindProperty]
    public string? AbbreviationEn { get; set; }

    [BindProperty]
    public string? NameFr { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    /// <summary>The body's words when the form was shown (hidden field): a change made meanwhile is not replaced unseen.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public BodyDirectory.Row Body { get; private set; } = null!;

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? code, CancellationToken cancellationToken)
    {
        if (code is null || await directory.FindAsync(code, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Body = found;
        (AbbreviationFr, AbbreviationEn, NameFr, NameEn, Version) = (found.Abbreviation.Fr, found.Abbreviation.En, found.Name.Fr, found.Name.En, found.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] string? code, CancellationToken cancellationToken)
    {
        if (code is null || await directory.FindAsync(code, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Body = found;
        var result = await edit.HandleAsync(new EditBody.Command(HttpContext.Viewer(), code, AbbreviationFr, AbbreviationEn, NameFr, NameEn, Version),
            cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success("Bodies.Saved");
            return RedirectToPage("/Admin/Bodies");
        }, failure =>
        {
            // The user's values stay in the form; the next save is made knowingly on top of the body as it is now.
            Problem = this.Refusal(failure, new BilingualText(
                "Cet organe a été modifié entre-temps ; vos valeurs sont conservées. Enregistrez à nouveau pour les appliquer.",
                "This body was changed in the meantime; your values are kept. Save again to apply them."));
            if (Response.StatusCode != StatusCodes.Status409Conflict)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            Version = found.Version;
            ModelState.Remove(nameof(Version));
            return Task.FromResult<IActionResult>(Page());
        });
    }
}
