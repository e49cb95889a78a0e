using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Domain.Common;
using WorkProgramme.Application.Writes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Rounds;

/// <summary>The sessions of the programme's body: open a round for one, or go to its round.</summary>
public sealed class IndexModel(RoundStatus.Handler status, OpenRound.Handler open) : PageModel
{
    public string Slug { get; private set; } = "";

    public IReadOnlyList<(string Key, BilingualText Label, bool HasRound)> Sessions { get; private set; } = [];

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        Sessions = await status.SessionsAsync(slug, cancellationToken);
        return Sessions.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string session, CancellationToken cancellationToken)
    {
        var result = await open.HandleAsync(new OpenRound.Command(HttpContext.Viewer(), slug, session), cancellationToken);
        switch (result.Failure)
        {
            case null:
                TempData.Success("Round.OpenedFlash");
                return RedirectToPage("/Rounds/Round", new { slug, session });
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
        }

        Problem = result.Problems.FirstOrDefault() ?? new BilingualText("Session introuvable.", "Session not found.");
        return await OnGetAsync(slug, cancellationToken);
    }
}
