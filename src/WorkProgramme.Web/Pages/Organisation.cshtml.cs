using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class OrganisationModel(OrganisationOverview.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Lead { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public OrganisationOverview.Query Query { get; private set; } = null!;

    public OrganisationOverview.Result Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An unknown value in the query string filters nothing rather than failing: these are links people share.
        Query = new OrganisationOverview.Query(HttpContext.Viewer(),
            string.IsNullOrWhiteSpace(Lead) ? null : Lead,
            Enum.TryParse<StaffUnit>(Unit, out var unit) ? unit : null,
            Overdue,
            Enum.TryParse<Priority>(Priority, out var priority) ? priority : null);
        Overview = await handler.HandleAsync(Query, cancellationToken);
    }
}
