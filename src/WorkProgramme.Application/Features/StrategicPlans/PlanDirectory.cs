using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.StrategicPlans;

/// <summary>
/// The Strategic Plans as the administrators' pages list them (docs/decisions/0049): period, titles, how many programmes
/// follow each; and one plan with its codes and how many activities use each code (a code in use is renamed, never deleted).
/// </summary>
public sealed class PlanDirectory(WorkProgrammeDb db)
{
    public sealed record Row(string Period, BilingualText Title, int Codes, int Programmes);

    public sealed record Code(string Value, BilingualText DisplayCode, BilingualText Label, PlanElementGroup Group, int Order, int Activities);

    public sealed record Plan(string Period, BilingualText Title, int Programmes, IReadOnlyList<Code> Codes, string Version);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = await db.StrategicPlans.AsNoTracking().Include(p => p.Elements).OrderBy(p => p.StartYear).ToListAsync(cancellationToken);
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.PlanId != null).GroupBy(p => p.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        return plans.Select(p => new Row(p.Period, p.Title, p.Elements.Count, programmes.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>One plan by its period ("2022-2025"); null when there is none.</summary>
    public async Task<Plan?> FindAsync(string? period, CancellationToken cancellationToken)
    {
        var plan = await PlanEdits.LoadAsync(db, period, tracked: false, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var use = await PlanEdits.UseAsync(db, plan.Id, cancellationToken);
        var programmes = await db.Programmes.CountAsync(p => p.PlanId == plan.Id, cancellationToken);
        return new Plan(plan.Period, plan.Title, programmes,
            plan.Elements.OrderBy(e => e.Order).Select(e => new Code(e.Code, e.DisplayCode, e.Label, e.Group, e.Order, use.GetValueOrDefault(e.Code))).ToList(),
            PlanEdits.VersionOf(plan));
    }
}
