using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Domain.Common;
using WorkProgramme.Application.Writes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Rounds;

/// <summary>A reporting round: progress, each report, review, and publication (with confirmation when reports were not updated).</summary>
public sealed class RoundModel(RoundStatus.Handler status, WriteReport.Handler write, PublishRound.Handler publish) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Progress { get; set; }

    public RoundStatus.Result Round { get; private set; } = null!;

    public IReadOnlyList<string> Pending { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    private const string PendingKey = "round.pending";

    public async Task<IActionResult> OnGetAsync(string slug, string session, CancellationToken cancellationToken) =>
        await ShowAsync(slug, session, cancellationToken);

    public async Task<IActionResult> OnPostReviewAsync(string slug, string session, Guid activityId, int rowVersion, CancellationToken cancellationToken)
    {
        var result = await write.HandleAsync(new WriteReport.Review(HttpContext.Viewer(), slug, session, activityId, rowVersion), cancellationToken);
        switch (result.Failure)
        {
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
            case null:
                TempData.Success("Round.ReviewedFlash");
                break;
            case { Stale: true } or { Kind: FailureKind.PreconditionRequired }:
                TempData.Problem(new BilingualText("Ce rapport a changé entre-temps : relisez-le à nouveau.", "This report changed in the meantime: review it again."));
                break;
            case var failure:
                TempData.Problem(failure.Problems.FirstOrDefault() ?? new BilingualText("Rapport introuvable.", "Report not found."));
                break;
        }

        return BackToRound(slug, session);
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, string session, bool confirmed, string? version, CancellationToken cancellationToken)
    {
        var result = await publish.HandleAsync(new PublishRound.Command(HttpContext.Viewer(), slug, session, confirmed, version), cancellationToken);
        switch (result.Failure)
        {
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
            case null:
                TempData.Success("Round.PublishedFlash");
                break;
            case { Pending.Count: > 0 } failure:
                TempData[PendingKey] = string.Join(", ", failure.Pending);
                break;
            case { Stale: true } or { Kind: FailureKind.PreconditionRequired }:
                TempData.Problem(new BilingualText("Un rapport a changé depuis l’affichage de cette page ; rien n’a été publié : relisez le cycle, puis publiez-le de nouveau.",
                    "A report changed since this page was shown; nothing was published: read the round again, then publish it once more."));
                break;
            case var failure:
                TempData.Problem(failure.Problems.FirstOrDefault() ?? new BilingualText("Cycle introuvable.", "Round not found."));
                break;
        }

        return BackToRound(slug, session);
    }

    /// <summary>POST-Redirect-GET: the address bar shows the round (with its filters), never the handler.</summary>
    private RedirectToPageResult BackToRound(string slug, string session) =>
        RedirectToPage("/Rounds/Round", new { slug, session, progress = Progress, officer = Officer, unit = Unit });

    private async Task<IActionResult> ShowAsync(string slug, string session, CancellationToken cancellationToken)
    {
        var round = await status.HandleAsync(new RoundStatus.Query(HttpContext.Viewer(), slug, session), cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        Pending = TempData[PendingKey] is string pending && pending.Length > 0 ? pending.Split(", ") : [];
        return Page();
    }
}
