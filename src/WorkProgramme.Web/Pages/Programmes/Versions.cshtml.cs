using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Application.Writes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>A programme's versions; for editors, starting a revision and recording a version's adoption.</summary>
[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class VersionsModel(ProgrammeVersions.Handler handler) : PageModel
{
    public string Slug { get; private set; } = "";

    public IReadOnlyList<ProgrammeVersions.VersionSummary> Versions { get; private set; } = [];

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    /// <summary>The name of the session with this key; the key itself only for a session no longer in the calendar.</summary>
    public string SessionName(Display display, string? key) => key is null ? "—" : display.Session(key);

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Done { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public string? DocumentSymbol { get; set; }

    [BindProperty]
    public string? Session { get; set; }

    [BindProperty]
    public string? Step { get; set; }

    /// <summary>The version's state as the form showed it (hidden field): an adoption is not recorded on top of another one unseen.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(
            new ProgrammeVersions.StartCommand(HttpContext.Viewer(), slug, Label ?? "", DocumentSymbol, Session), cancellationToken);
        return await AfterAsync(slug, outcome, "Versions.Started", cancellationToken);
    }

    public async Task<IActionResult> OnPostAdoptAsync(string slug, CancellationToken cancellationToken)
    {
        var step = Step == "approved" ? VersionState.Approved : Step == "endorsed" ? VersionState.Endorsed : VersionState.Draft;
        var outcome = await handler.HandleAsync(
            new ProgrammeVersions.AdoptCommand(HttpContext.Viewer(), slug, Label ?? "", step, Session ?? "", Version), cancellationToken);
        return await AfterAsync(slug, outcome, "Versions.Recorded", cancellationToken);
    }

    private Task<IActionResult> AfterAsync(string slug, Result<string> outcome, string doneKey, CancellationToken cancellationToken) =>
        this.AnswerAsync(outcome, label =>
        {
            Done = $"{doneKey}|{label}";
            return RedirectToPage(new { slug });
        }, async failure =>
        {
            Problems = PageResults.Messages(failure);
            Response.StatusCode = failure.Kind == FailureKind.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            return await LoadAsync(slug, cancellationToken) ? Page() : NotFound();
        });

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var versions = await handler.HandleAsync(new ProgrammeVersions.ListQuery(HttpContext.Viewer(), slug), cancellationToken);
        if (versions is null)
        {
            return false;
        }

        Slug = slug;
        Versions = versions;
        Sessions = await handler.SessionsAsync(cancellationToken);
        CanEdit = await handler.BodyOfAsync(slug, cancellationToken) is { } body && HttpContext.Viewer().CanEdit(body);
        return true;
    }
}
