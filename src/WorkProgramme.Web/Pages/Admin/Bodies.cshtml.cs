using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Bodies;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>The working bodies (administrators): their words in both languages, and what uses each code (docs/decisions/0042).</summary>
public sealed class BodiesModel(BodyDirectory directory) : PageModel
{
    public IReadOnlyList<BodyDirectory.Row> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Bodies = await directory.ListAsync(cancellationToken);
}
