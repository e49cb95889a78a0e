using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>What a created or edited activity must satisfy before it is saved.</summary>
internal static class ActivityValidation
{
    /// <summary>The content with only the chosen body roles that differ from the role each body's place gives it.</summary>
    public static async Task<ActivityContent> WithRolesThatSaySomethingAsync(WorkProgrammeDb db, ActivityContent content, CancellationToken cancellationToken)
    {
        if (content.ChosenRoles.Count == 0)
        {
            return content;
        }

        var decisionBodies = (await db.Bodies.ToListAsync(cancellationToken)).Where(b => b.IsDecisionBody).Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        return content.WithRolesThatSaySomething(decisionBodies.Contains);
    }

    /// <summary>The codes an activity of the programme may name: those of the Strategic Plan it follows (docs/decisions/0049).</summary>
    public static IQueryable<Domain.StrategicPlans.StrategicPlanElement> PlanElementsOf(WorkProgrammeDb db, int programmeId) =>
        db.PlanElements.Where(e => db.Programmes.Any(p => p.Id == programmeId && p.PlanId == e.PlanId));

    /// <summary>The same for a programme named by its slug.</summary>
    public static IQueryable<Domain.StrategicPlans.StrategicPlanElement> PlanElementsOf(WorkProgrammeDb db, string slug) =>
        db.PlanElements.Where(e => db.Programmes.Any(p => p.Slug == slug && p.PlanId == e.PlanId));

    /// <summary>Codes must exist (the plan's of the programme, the bodies, the task type in the table), and the rules the template sets for one row must hold (footnotes 1 and 8).</summary>
    public static async Task<List<BilingualText>> ProblemsAsync(WorkProgrammeDb db, int programmeId, ActivityContent content, CancellationToken cancellationToken)
    {
        var problems = new List<BilingualText>();
        var planCodes = await PlanElementsOf(db, programmeId).Select(e => e.Code).ToListAsync(cancellationToken);
        var bodyCodes = await db.Bodies.Select(b => b.Code).ToListAsync(cancellationToken);
        problems.AddRange(content.PlanCodes.Except(planCodes).Select(code =>
            new BilingualText($"Code du Plan stratégique inconnu « {code} ».", $"Unknown Strategic Plan code '{code}'.")));
        if (content.TaskType is not null
            && TaskType.ProblemWith(content.TaskType, (await TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken)).Select(t => t.Code).ToList()) is { } taskTypeProblem)
        {
            problems.Add(taskTypeProblem);
        }

        problems.AddRange(content.BodyCodes.Except(bodyCodes).Select(code =>
            new BilingualText($"Organe inconnu « {code} ».", $"Unknown body '{code}'.")));
        if (content.BodyCodes.Count == 0)
        {
            problems.Add(new BilingualText("Indiquez au moins l’organe responsable.", "Give at least the responsible body."));
        }

        try
        {
            var probe = new ActivityVersion(Guid.NewGuid(), content);
            problems.AddRange(ProgrammeRules.Check([probe], _ => null)
                .Where(v => v.Severity == Severity.Error && v.Rule is not (RuleCode.MissingNumber or RuleCode.DuplicateNumber))
                .Select(v => v.Message));
        }
        catch (DomainException refused)
        {
            problems.Add(refused.Messages);
        }

        return problems;
    }
}
