using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class ChangesModel(SessionChanges.Handler handler) : PageModel
{
    public SessionChanges.Result Changes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string session, CancellationToken cancellationToken)
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
