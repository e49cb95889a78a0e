using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Rounds;

/// <summary>"My reports": the signed-in officer's reports in the rounds still open.</summary>
public sealed class MineModel(MyReports.Handler handler) : PageModel
{
    public IReadOnlyList<MyReports.Row> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await handler.HandleAsync(new MyReports.Query(HttpContext.Viewer()), cancellationToken);
}
