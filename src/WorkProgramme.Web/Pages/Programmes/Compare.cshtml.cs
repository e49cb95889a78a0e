using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>The redline between two versions: by default the latest version against the one before it.</summary>
[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class CompareModel(CompareVersions.Handler compare, ProgrammeVersions.Handler versions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The language of the texts compared (fr or en); the page's own labels follow the chosen interface language.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public CompareVersions.Result Comparison { get; private set; } = null!;

    public IReadOnlyList<ProgrammeVersions.VersionSummary> Versions { get; private set; } = [];

    public Language TextLanguage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var viewer = HttpContext.Viewer();
        var list = await versions.HandleAsync(new ProgrammeVersions.ListQuery(viewer, slug), cancellationToken);
        if (list is null || list.Count == 0)
        {
            return NotFound();
        }

        Versions = list;
        To = string.IsNullOrWhiteSpace(To) ? list[^1].Label : To;
        var toIndex = list.ToList().FindIndex(v => v.Label == To);
        From = string.IsNullOrWhiteSpace(From) ? list[Math.Max(0, toIndex - 1)].Label : From;
        TextLanguage = Languages.TryParse(Lang, out var language) ? language : Localization.CurrentLanguage;
        var result = await compare.HandleAsync(new CompareVersions.Query(viewer, slug, From, To), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Comparison = result;
        return Page();
    }
}
