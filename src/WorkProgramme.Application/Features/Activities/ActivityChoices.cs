using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>What the activity forms offer to choose from: the codes of the Strategic Plan the programme follows, the bodies and the task types.</summary>
public static class ActivityChoices
{
    public sealed record Result(IReadOnlyList<StrategicPlanElement> PlanElements, IReadOnlyList<Body> Bodies, IReadOnlyList<TaskType> TaskTypes);

    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <param name="slug">The programme; null: no plan's codes (a page that offers only the bodies).</param>
        public async Task<Result> HandleAsync(string? slug, CancellationToken cancellationToken) => new(
            slug is null ? [] : await ActivityValidation.PlanElementsOf(db, slug).AsNoTracking().OrderBy(e => e.Order).ToListAsync(cancellationToken),
            await db.Bodies.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken),
            await Features.TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken));

        /// <summary>The body whose programme it is (its lead body by default); null when there is no such programme.</summary>
        public async Task<string?> BodyOfAsync(string slug, CancellationToken cancellationToken) =>
            await db.Programmes.AsNoTracking().Where(p => p.Slug == slug).Select(p => p.BodyCode).SingleOrDefaultAsync(cancellationToken);
    }
}
