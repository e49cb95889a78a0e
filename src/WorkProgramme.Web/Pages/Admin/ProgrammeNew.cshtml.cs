using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>
/// A new programme (administrators), the same handler as <c>wp programme new</c>. With a programme to carry over from,
/// the first post shows a preview (every activity, ticked by the rule, deadlines before the period and codes the chosen
/// plan does not hold marked); the second
/// creates the programme with the ticked activities, refused with 409 if the source changed since the preview.
/// </summary>
public sealed class ProgrammeNewModel(CreateProgramme.Handler create, ActivityChoices.Handler choices, ListProgrammes.Handler programmes,
    PlanDirectory plans) : PageModel
{
    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? BodyCode { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? TitleFr { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    [BindProperty]
    public string? Symbol { get; set; }

    [BindProperty]
    public string? CarryOverFrom { get; set; }

    /// <summary>The Strategic Plan's period; empty: the plan covering the programme's first year.</summary>
    [BindProperty]
    public string? Plan { get; set; }

    public IReadOnlyList<PlanDirectory.Row> Plans { get; private set; } = [];

    /// <summary>The digest of the preview the editor confirms (hidden field); empty before the preview.</summary>
    [BindProperty]
    public string? PreviewState { get; set; }

    [BindProperty]
    public List<Guid> Chosen { get; set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<ListProgrammes.ProgrammeSummary> Programmes { get; private set; } = [];

    public CreateProgramme.Preview? Preview { get; private set; }

    public IReadOnlyList<FieldMessage> Problems { get; private set; } = [];

    public async Task OnGetAsync(string? from, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        CarryOverFrom ??= from;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var viewer = HttpContext.Viewer();
        if (!string.IsNullOrWhiteSpace(CarryOverFrom) && string.IsNullOrEmpty(PreviewState))
        {
            var preview = await create.HandleAsync(new CreateProgramme.PreviewQuery(viewer, CarryOverFrom, Period, PlanOrNull), cancellationToken);
            return await this.AnswerAsync(preview, shown =>
            {
                Preview = shown;
                PreviewState = shown.State;
                Chosen = shown.Candidates.Where(c => c.ByRule).Select(c => c.ActivityId).ToList();
                return Page();
            }, failure => Task.FromResult<IActionResult>(Refused(failure)));
        }

        var created = await create.HandleAsync(new CreateProgramme.Command(viewer, Slug, BodyCode, Period, TitleFr, TitleEn, Symbol,
            string.IsNullOrWhiteSpace(CarryOverFrom) ? null : CarryOverFrom,
            string.IsNullOrWhiteSpace(CarryOverFrom) ? null : Chosen,
            string.IsNullOrWhiteSpace(CarryOverFrom) ? null : PreviewState, PlanOrNull), cancellationToken);
        return await this.AnswerAsync(created, done => RedirectToPage("/Programmes/Show", new { slug = done.Slug }), async failure =>
        {
            if (failure.Kind == FailureKind.Conflict && !string.IsNullOrWhiteSpace(CarryOverFrom))
            {
                // The preview is no longer what would be carried over: show it again as it is now.
                var again = await create.HandleAsync(new CreateProgramme.PreviewQuery(viewer, CarryOverFrom, Period, PlanOrNull), cancellationToken);
                Preview = again.Value;
                PreviewState = again.Value?.State;
            }
            else if (!string.IsNullOrWhiteSpace(CarryOverFrom))
            {
                Preview = (await create.HandleAsync(new CreateProgramme.PreviewQuery(viewer, CarryOverFrom, Period, PlanOrNull), cancellationToken)).Value;
            }

            return Refused(failure);
        });
    }

    private string? PlanOrNull => string.IsNullOrWhiteSpace(Plan) ? null : Plan;

    /// <summary>The problems of one field (empty name: of the whole form).</summary>
    public IEnumerable<BilingualText> ProblemsOf(string field) => Problems.Where(p => p.Field == field).Select(p => p.Message);

    private PageResult Refused(Failure failure)
    {
        Problems = failure.Messages.Count > 0 ? failure.Messages : [new FieldMessage("", new BilingualText("Refusé.", "Refused."))];
        var page = Page();
        page.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (_, Bodies, _) = await choices.HandleAsync(null, cancellationToken);
        Plans = await plans.ListAsync(cancellationToken);
        var archived = await programmes.ArchivedAsync(cancellationToken);
        Programmes = (await programmes.HandleAsync(new ListProgrammes.Query(HttpContext.Viewer()), cancellationToken))
            .Where(p => !archived.ContainsKey(p.Slug)).ToList();
    }
}
