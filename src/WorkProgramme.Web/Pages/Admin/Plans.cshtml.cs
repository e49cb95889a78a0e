using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.StrategicPlans;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>The Strategic Plans (administrators): each period, its titles, its codes and how many programmes follow it (docs/decisions/0049).</summary>
public sealed class PlansModel(PlanDirectory directory) : PageModel
{
    public IReadOnlyList<PlanDirectory.Row> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plans = await directory.ListAsync(cancellationToken);
}
