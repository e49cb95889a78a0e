using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages;

/// <summary>
/// The results of the search box in the layout (docs/decisions/0041). Never cached: what a viewer finds depends on
/// what they may see.
/// </summary>
public sealed class SearchModel(SearchRecord.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Session { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public SearchRecord.Query Query { get; private set; } = null!;

    public SearchRecord.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An unknown value in the query string filters nothing rather than failing: these are links people share.
        Query = new SearchRecord.Query(HttpContext.Viewer(), Q, Localization.CurrentLanguage,
            string.IsNullOrWhiteSpace(Programme) ? null : Programme,
            string.IsNullOrWhiteSpace(Body) ? null : Body,
            string.IsNullOrWhiteSpace(Session) ? null : Session,
            Enum.TryParse<StatusKeyword>(Keyword, out var keyword) && Enum.IsDefined(keyword) ? keyword : null,
            Enum.TryParse<ExecutionLevel>(Level, out var level) && Enum.IsDefined(level) ? level : null);
        Result = await handler.HandleAsync(Query, cancellationToken);
    }
}
