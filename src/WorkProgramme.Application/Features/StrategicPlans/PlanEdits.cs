using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.StrategicPlans;

/// <summary>
/// The administrators' changes to the Strategic Plans (docs/decisions/0049): a new plan (period, titles), and on a plan
/// its codes added, renamed, or deleted when no activity uses them. Each runs through <see cref="WritePipeline"/>
/// (administrators only, serialized, audited by the trail's interceptor); a change to a plan names the version it started
/// from, a digest of the plan's title and codes (<see cref="StateVersion"/>). The rules are the domain's
/// (<see cref="StrategicPlan"/>): a code unique within its plan, a code in use kept, periods well-formed.
/// </summary>
public static class PlanEdits
{
    public sealed record Create(Viewer Viewer, string? Period, string? TitleFr, string? TitleEn);

    public sealed record AddCode(Viewer Viewer, string Plan, string? ExpectedVersion, string? Code, string? DisplayCodeFr, string? DisplayCodeEn,
        string? LabelFr, string? LabelEn, PlanElementGroup Group);

    public sealed record RenameCode(Viewer Viewer, string Plan, string? ExpectedVersion, string Code, string? DisplayCodeFr, string? DisplayCodeEn,
        string? LabelFr, string? LabelEn);

    public sealed record DeleteCode(Viewer Viewer, string Plan, string? ExpectedVersion, string Code);

    /// <summary>The version of a plan's words and codes, shown in its forms and checked when one is saved.</summary>
    public static string VersionOf(StrategicPlan plan) =>
        StateVersion.Of(plan.Period, plan.Title.Fr, plan.Title.En,
            plan.Elements.OrderBy(e => e.Order).Select(e => new object?[] { e.Code, e.DisplayCode.Fr, e.DisplayCode.En, e.Label.Fr, e.Label.En, e.Group, e.Order }));

    /// <summary>The code as a language writes it; left empty, the code itself.</summary>
    private static string? Written(string? displayCode, string? code) => string.IsNullOrWhiteSpace(displayCode) ? code?.Trim() : displayCode;

    internal static async Task<StrategicPlan?> LoadAsync(WorkProgrammeDb db, string? period, bool tracked, CancellationToken cancellationToken)
    {
        if (StrategicPlan.ParsePeriod(period) is not { } years)
        {
            return null;
        }

        var plans = tracked ? db.StrategicPlans : db.StrategicPlans.AsNoTracking();
        return await plans.Include(p => p.Elements).SingleOrDefaultAsync(p => p.StartYear == years.Start && p.EndYear == years.End, cancellationToken);
    }

    /// <summary>How many activity versions of the programmes following the plan name each code (every version: the record's history too).</summary>
    internal static async Task<Dictionary<string, int>> UseAsync(WorkProgrammeDb db, int planId, CancellationToken cancellationToken)
    {
        var codes = await db.ActivityVersions.AsNoTracking()
            .Where(r => db.ProgrammeVersions.Any(v => v.Id == r.ProgrammeVersionId && db.Programmes.Any(p => p.Id == v.ProgrammeId && p.PlanId == planId)))
            .Select(r => r.PlanCodes).ToListAsync(cancellationToken);
        return codes.SelectMany(c => c).GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>A new plan, without codes; the value is its period. Refused when its period shares a year with another plan's.</summary>
        public Task<Result<string>> HandleAsync(Create command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<string, string>(command.Viewer, null, _ => Task.FromResult<Target<string>?>(new("", "", "")),
                async (_, ct) =>
                {
                    if (StrategicPlan.ParsePeriod(command.Period) is not { } years)
                    {
                        return Failure.Invalid("period", StrategicPlan.PeriodWords);
                    }

                    var plans = await db.StrategicPlans.AsNoTracking().ToListAsync(ct);
                    if (plans.FirstOrDefault(p => p.Overlaps(years.Start, years.End)) is { } other)
                    {
                        return Failure.Invalid("period", new BilingualText(
                            $"La période partage des années avec celle du plan {other.Period} : une année n’a qu’un plan.",
                            $"The period shares years with the {other.Period} plan's: a year has one plan."));
                    }

                    var plan = new StrategicPlan(years.Start, years.End, new BilingualText(command.TitleFr, command.TitleEn));
                    db.StrategicPlans.Add(plan);
                    return plan.Period;
                })
            {
                CreatesNew = true,
                Serialized = true,
                MayChange = (viewer, _) => viewer.IsAdmin,
            }, cancellationToken);

        /// <summary>The value is the plan's new version.</summary>
        public Task<Result<string>> HandleAsync(AddCode command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Plan, command.ExpectedVersion, plan =>
            {
                plan.AddCode(command.Code ?? "", new BilingualText(Written(command.DisplayCodeFr, command.Code), Written(command.DisplayCodeEn, command.Code)),
                    new BilingualText(command.LabelFr, command.LabelEn), command.Group);
                return Task.CompletedTask;
            }, cancellationToken);

        public Task<Result<string>> HandleAsync(RenameCode command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Plan, command.ExpectedVersion, plan =>
            {
                plan.Rename(command.Code, new BilingualText(Written(command.DisplayCodeFr, command.Code), Written(command.DisplayCodeEn, command.Code)), new BilingualText(command.LabelFr, command.LabelEn));
                return Task.CompletedTask;
            }, cancellationToken);

        public Task<Result<string>> HandleAsync(DeleteCode command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Plan, command.ExpectedVersion, async plan =>
            {
                var use = await UseAsync(db, plan.Id, cancellationToken);
                plan.Remove(command.Code, code => use.GetValueOrDefault(code) > 0);
            }, cancellationToken);

        private Task<Result<string>> ChangeAsync(Viewer viewer, string period, string? expectedVersion, Func<StrategicPlan, Task> change,
            CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<StrategicPlan, string>(viewer, expectedVersion, async ct =>
                    await LoadAsync(db, period, tracked: true, ct) is { } plan ? new Target<StrategicPlan>(plan, "", VersionOf(plan)) : null,
                async (plan, _) =>
                {
                    await change(plan);
                    return VersionOf(plan);
                })
            {
                // Reference data is the administrators'.
                MayChange = (viewer, _) => viewer.IsAdmin,
                Serialized = true,
            }, cancellationToken);
    }
}
