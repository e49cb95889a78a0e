using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class ActivityModel(ViewActivity.Handler handler, AuditTrail.Handler audit, Comments.Handler comments, SessionDecisions.Handler decisions,
    ConfirmTranslation.Handler confirmTranslation)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    public ViewActivity.Result Activity { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>True when the page shows the latest version, the only one an editor changes.</summary>
    public bool IsLatest { get; private set; }

    [BindProperty]
    public int? RowVersion { get; set; }

    [BindProperty]
    public string? CommentText { get; set; }

    [BindProperty]
    public string? CommentSession { get; set; }

    /// <summary>Null for those who may not read comments (the public).</summary>
    public IReadOnlyList<Comments.View>? CommentList { get; private set; }

    public bool CommentRefused { get; private set; }

    /// <summary>The activity's changes (fields and status reports), for the Secretariat and the committee only.</summary>
    public AuditTrail.Result? History { get; private set; }

    /// <summary>What the committee decided on this activity, session by session (the Secretariat and the committee).</summary>
    public IReadOnlyList<(Domain.Sessions.Session Session, Domain.Sessions.SessionDecision Decision)> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ViewActivity.Query(HttpContext.Viewer(), slug, id, string.IsNullOrWhiteSpace(Version) ? null : Version), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Activity = result;
        CanEdit = HttpContext.Viewer().CanEdit(result.BodyCode);
        IsLatest = result.IsLatest;
        if (result.ShowsWorkingRecord)
        {
            History = await audit.HandleAsync(new AuditTrail.Query(EntityId: id.ToString(), PageSize: 200), cancellationToken);
            CommentList = await comments.ListAsync(HttpContext.Viewer(), slug, id, null, cancellationToken);
            Decisions = await decisions.ForActivityAsync(id, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (!HttpContext.Viewer().IsSignedIn)
        {
            return Challenge();
        }

        var added = !string.IsNullOrWhiteSpace(CommentText) && CommentSession is not null && await comments.AddAsync(
            new Comments.Add(HttpContext.Viewer(), slug, id, CommentSession, CommentText, Localization.CurrentLanguage), cancellationToken);
        if (added)
        {
            return RedirectToPage("/Programmes/Activity", null, new { slug, id }, "comments");
        }

        CommentRefused = true;
        return await OnGetAsync(slug, id, cancellationToken);
    }

    /// <summary>"Translation checked": the editor confirms the texts say the same in both languages.</summary>
    public async Task<IActionResult> OnPostConfirmTranslationAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (!HttpContext.Viewer().IsSignedIn)
        {
            return Challenge();
        }

        var outcome = await confirmTranslation.HandleAsync(new ConfirmTranslation.Command(HttpContext.Viewer(), slug, id, RowVersion), cancellationToken);
        return await this.FlashAsync(outcome, "Translation.ConfirmedFlash", new Domain.Common.BilingualText(
                "L’activité a été modifiée entre-temps : relisez-la avant de confirmer la traduction.",
                "The activity was changed in the meantime: read it again before confirming the translation."),
            () => RedirectToPage("/Programmes/Activity", new { slug, id }));
    }
}
