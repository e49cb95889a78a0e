using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Audit;

namespace WorkProgramme.Web.Pages.Admin;

public sealed class AuditModel(AuditTrail.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditTrail.Result Trail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Trail = await handler.HandleAsync(new AuditTrail.Query(Type, Entity, Actor, Field, PageNumber), cancellationToken);
}
