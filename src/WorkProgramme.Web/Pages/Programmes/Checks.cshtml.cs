using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class ChecksModel(CheckProgramme.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    public CheckProgramme.Result Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new CheckProgramme.Query(HttpContext.Viewer(), slug, string.IsNullOrWhiteSpace(Version) ? null : Version), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Report = result;
        return Page();
    }
}
