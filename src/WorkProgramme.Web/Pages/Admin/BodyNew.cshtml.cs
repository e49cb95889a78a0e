using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Bodies;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>
/// Adds a body (administrators, docs/decisions/0042): its code, the key for good, its kind, and its abbreviations and
/// names in French and English. The same handler as <c>wp body add</c>.
/// </summary>
public sealed class BodyNewModel(AddBody.Handler add) : PageModel
{
    /// <summary>The kinds offered, in the order of the organisation's hierarchy.</summary>
    public static readonly IReadOnlyList<BodyKind> Kinds = Enum.GetValues<BodyKind>();

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public BodyKind Kind { get; set; } = BodyKind.Committee;

    [BindProperty]
    public string? AbbreviationFr { get; set; }

    [BindProperty]
    public string? AbbreviationEn { get; set; }

    [BindProperty]
    public string? NameFr { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    public BilingualText? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await add.HandleAsync(new AddBody.Command(HttpContext.Viewer(), Code, AbbreviationFr, AbbreviationEn, NameFr, NameEn, Kind),
            cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success("Bodies.Added");
            return RedirectToPage("/Admin/Bodies");
        }, failure =>
        {
            // The typed values stay in the form.
            Problem = PageResults.Messages(failure).FirstOrDefault() ?? new BilingualText("Refusé.", "Refused.");
            Response.StatusCode = failure.Kind == Application.Writes.FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Task.FromResult<IActionResult>(Page());
        });
    }
}
