using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Rounds;

/// <summary>A reporting round: progress, each report, review, and publication (with confirmation when reports were not updated).</summary>
public sealed class RoundModel(RoundStatus.Handler status, WriteReport.Handler write, PublishRound.Handler publish) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Progress { get; set; }

    public RoundStatus.Result Round { get; private set; } = null!;

    public IReadOnlyList<string> Pending { get; private set; } = [];

    public BilingualText? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string session, CancellationToken cancellationToken) =>
        await ShowAsync(slug, session, cancellationToken);

    public async Task<IActionResult> OnPostReviewAsync(string slug, string session, Guid activityId, int rowVersion, CancellationToken cancellationToken)
    {
        var result = await write.HandleAsync(new WriteReport.Review(HttpContext.Viewer(), slug, session, activityId, rowVersion), cancellationToken);
        Problem = result.Outcome switch
        {
            RoundOutcome.Done => null,
            RoundOutcome.Conflict => new BilingualText("Ce rapport a changé entre-temps : relisez-le à nouveau.", "This report changed in the meantime: review it again."),
            _ => result.Problem,
        };
        return result.Outcome == RoundOutcome.Forbidden ? Forbid() : await ShowAsync(slug, session, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, string session, bool confirmed, CancellationToken cancellationToken)
    {
        var result = await publish.HandleAsync(new PublishRound.Command(HttpContext.Viewer(), slug, session, confirmed), cancellationToken);
        if (result.Outcome == RoundOutcome.Forbidden)
        {
            return Forbid();
        }

        Pending = result.Pending ?? [];
        Problem = result.Problem;
        return await ShowAsync(slug, session, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string slug, string session, CancellationToken cancellationToken)
    {
        var round = await status.HandleAsync(new RoundStatus.Query(HttpContext.Viewer(), slug, session), cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        return Page();
    }
}
