using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class ShowModel(ViewProgramme.Handler handler, PdfConverter pdf, ProgrammeVersions.Handler versions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? TaskType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    /// <summary>A keyword, or "none" for rows whose status gives none.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Deleted { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public ViewProgramme.Result Programme { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>Without LibreOffice the page says how to install it instead of offering a PDF that would fail.</summary>
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>For editors: the latest version (what a revision starts from or an adoption is recorded for) and the sessions.</summary>
    public (string Slug, ProgrammeVersions.VersionSummary? Latest, IReadOnlyList<SessionView> Sessions)? VersionForms { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var filter = new ViewProgramme.Filter(
            Parse<Priority>(Priority),
            string.IsNullOrWhiteSpace(Plan) ? null : Plan,
            string.IsNullOrWhiteSpace(TaskType) ? null : TaskType,
            string.IsNullOrWhiteSpace(Body) ? null : Body,
            Parse<StatusKeyword>(Keyword),
            NoKeyword: Keyword == "none",
            IncludeDeleted: Deleted,
            OverdueOnly: Overdue);
        var result = await handler.HandleAsync(new ViewProgramme.Query(HttpContext.Viewer(), slug, string.IsNullOrWhiteSpace(Version) ? null : Version, filter), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Programme = result;
        CanEdit = HttpContext.Viewer().CanEdit(result.Body.Code);
        if (CanEdit)
        {
            var list = await versions.HandleAsync(new ProgrammeVersions.ListQuery(HttpContext.Viewer(), slug), cancellationToken);
            VersionForms = (slug, list?.LastOrDefault(), await versions.SessionsAsync(cancellationToken));
        }
        return Page();
    }

    private static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Wire.TryParse<TEnum>(value, out var parsed) ? parsed : null;
}
