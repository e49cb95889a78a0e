using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>
/// What changed since the previous session, as an e-mail body: the page previews it, <c>?handler=download</c> gives the
/// same HTML as a file to paste into or attach to a message (no mail server involved). The file styles it inline, the
/// page with the site's classes (<see cref="DigestStyle"/>).
/// </summary>
public sealed class DigestModel(SessionChanges.Handler handler) : PageModel
{
    public SessionChanges.Result Changes { get; private set; } = null!;

    /// <summary>True for the downloaded file: a standalone document with its styles inline, as mail clients need.</summary>
    public bool AsFile { get; private set; }

    /// <summary>On the page, the class of a <see cref="DigestStyle"/> rule; in the file nothing (Razor then omits the attribute).</summary>
    public string? Class(string rule) => AsFile ? null : rule;

    /// <summary>In the file, the rule written inline; on the page nothing: the CSP would block it.</summary>
    public string? Style(string rule) => AsFile ? DigestStyle.Rules[rule] : null;

    public Task<IActionResult> OnGetAsync(string slug, string session, CancellationToken cancellationToken) =>
        LoadAsync(slug, session, cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string slug, string session, CancellationToken cancellationToken)
    {
        AsFile = true;
        var result = await LoadAsync(slug, session, cancellationToken);
        if (result is PageResult)
        {
            Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-{session}-digest.html\"";
        }

        return result;
    }

    private async Task<IActionResult> LoadAsync(string slug, string session, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new SessionChanges.Query(HttpContext.Viewer(), slug, session), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Changes = result;
        return Page();
    }
}
