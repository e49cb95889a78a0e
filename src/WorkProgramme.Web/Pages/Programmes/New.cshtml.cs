using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>Adds an activity to a section: it takes the section's next number and is marked new.</summary>
public sealed class NewModel(CreateActivity.Handler create, ActivityChoices.Handler choices) : PageModel
{
    [BindProperty]
    public ActivityForm Form { get; set; } = new() { Linked = "yes", LeadBody = null };

    [BindProperty]
    public string Section { get; set; } = "time-bound";

    public string Slug { get; private set; } = "";

    public IReadOnlyList<StrategicPlanElement> PlanElements { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<Domain.Activities.TaskType> TaskTypes { get; private set; } = [];

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Form.LeadBody ??= await choices.BodyOfAsync(slug, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var section = Wire.TryParse<Domain.Activities.Section>(Section, out var parsed) ? parsed : Domain.Activities.Section.TimeBound;
        var content = Form.ToFields().ToContent(null) with { Section = section };
        var outcome = await create.HandleAsync(new CreateActivity.Command(HttpContext.Viewer(), slug, content), cancellationToken);
        return await this.AnswerAsync(outcome, activityId => RedirectToPage("/Programmes/Activity", new { slug, id = activityId }), async failure =>
        {
            Problems = failure.Problems;
            await LoadAsync(slug, cancellationToken);
            return Page();
        });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        if (await choices.BodyOfAsync(slug, cancellationToken) is null)
        {
            return false;
        }

        (PlanElements, Bodies, TaskTypes) = await choices.HandleAsync(slug, cancellationToken);
        return true;
    }
}
