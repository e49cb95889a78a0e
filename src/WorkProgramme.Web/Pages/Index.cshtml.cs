using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class IndexModel(ListProgrammes.Handler handler) : PageModel
{
    public IReadOnlyList<ListProgrammes.ProgrammeSummary> Programmes { get; private set; } = [];

    /// <summary>The archived programmes, each with the one of the next period that took over (docs/decisions/0040).</summary>
    public IReadOnlyDictionary<string, string?> Archived { get; private set; } = new Dictionary<string, string?>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Programmes = await handler.HandleAsync(new ListProgrammes.Query(HttpContext.Viewer()), cancellationToken);
        Archived = await handler.ArchivedAsync(cancellationToken);
    }
}
