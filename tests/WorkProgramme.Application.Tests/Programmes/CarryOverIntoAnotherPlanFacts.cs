using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StrategicPlans;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Programmes;

/// <summary>
/// The PTC's next period on a plan of its own (docs/decisions/0049): the 2026–2029 plan keeps PS1…PS5, FA1, FA2, OS1,
/// OS2 and ORG1, renames FA3 as FA4 and drops ORG2 and ALL. A carried activity keeps every code as written; those the new
/// plan lacks are flagged in the preview, in the result and on the checks page, never taken as valid.
/// </summary>
public sealed class CarryOverIntoAnotherPlanFacts : IAsyncLifetime
{
    private static readonly string[] Kept = ["PS1", "PS2", "PS3", "PS4", "PS5", "FA1", "FA2", "OS1", "OS2", "ORG1"];
    private static readonly HashSet<string> Gone = ["FA3", "ORG2", "ALL"];

    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var plan = await database.RunAsync<PlanEdits.Handler, Result<string>>(h => h.HandleAsync(
            new PlanEdits.Create(Viewer.Operator, "2026-2029", "Plan stratégique de l’OMD 2026–2029", "WCO Strategic Plan 2026–2029"), CancellationToken.None));
        Assert.True(plan.Succeeded, plan.Failure?.Kind + " " + string.Join(" ", plan.Problems.Select(p => p.En)));
        foreach (var code in Kept.Append("FA4"))
        {
            var version = (await database.RunAsync<PlanDirectory, PlanDirectory.Plan?>(d => d.FindAsync("2026-2029", CancellationToken.None)))!.Version;
            var added = await database.RunAsync<PlanEdits.Handler, Result<string>>(h => h.HandleAsync(new PlanEdits.AddCode(Viewer.Operator, "2026-2029",
                version, code, null, null, $"Code {code}", $"Code {code}", PlanElementGroup.StrategicProcess), CancellationToken.None));
            Assert.True(added.Succeeded, string.Join(" ", added.Problems.Select(p => p.En)));
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<Result<CreateProgramme.Created>> CarryAsync(string plan) => database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h =>
        h.HandleAsync(new CreateProgramme.Command(Viewer.Operator, "ptc-2025-2028", "CTP", "2025-2028", CarryOverFrom: SeedFile.PtcSlug, Plan: plan),
            CancellationToken.None));

    /// <summary>The old rows by id, and each new row with the one it continues.</summary>
    private async Task<(Dictionary<Guid, ActivityVersion> Old, List<(ActivityVersion Row, Guid From)> New)> RowsAsync() =>
        await database.RunAsync<Data.WorkProgrammeDb, (Dictionary<Guid, ActivityVersion>, List<(ActivityVersion, Guid)>)>(async db =>
    {
        var programmes = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
            .Where(p => p.Slug == SeedFile.PtcSlug || p.Slug == "ptc-2025-2028").ToListAsync();
        var lineage = await db.Activities.AsNoTracking().Where(a => a.CarriedFromId != null).ToDictionaryAsync(a => a.Id, a => a.CarriedFromId!.Value);
        var old = programmes.Single(p => p.Slug == SeedFile.PtcSlug).Latest!.Activities.ToDictionary(a => a.ActivityId);
        var fresh = programmes.SingleOrDefault(p => p.Slug == "ptc-2025-2028")?.Latest!.Activities.OrderBy(a => a.SortKey)
            .Select(r => (r, lineage[r.ActivityId])).ToList() ?? [];
        return (old, fresh);
    });

    [Fact]
    public async Task The_preview_lists_per_activity_the_codes_the_new_plan_lacks_with_their_names()
    {
        var preview = (await database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Preview>>(h => h.HandleAsync(
            new CreateProgramme.PreviewQuery(Viewer.Operator, SeedFile.PtcSlug, "2025-2028", "2026-2029"), CancellationToken.None))).Value!;
        var (old, _) = await RowsAsync();

        Assert.Equal("2026-2029", preview.PlanPeriod);
        Assert.All(preview.Candidates, c => Assert.Equal(old[c.ActivityId].PlanCodes.Where(Gone.Contains).Distinct(), c.CodesNotInPlan));
        Assert.Contains(preview.Candidates, c => c.CodesNotInPlan.Count > 0);
        Assert.Contains(preview.Candidates, c => c.CodesNotInPlan.Count == 0 && old[c.ActivityId].PlanCodes.Count > 0);
        Assert.All(preview.Candidates.SelectMany(c => c.CodesNotInPlan).Distinct(),
            code => Assert.False(string.IsNullOrEmpty(preview.CodeNames[code].Fr) || string.IsNullOrEmpty(preview.CodeNames[code].En), code));

        var samePlan = (await database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Preview>>(h => h.HandleAsync(
            new CreateProgramme.PreviewQuery(Viewer.Operator, SeedFile.PtcSlug, "2025-2028"), CancellationToken.None))).Value!;
        Assert.Equal("2022-2025", samePlan.PlanPeriod);
        Assert.All(samePlan.Candidates, c => Assert.Empty(c.CodesNotInPlan));
        Assert.NotEqual(samePlan.State, preview.State);
    }

    [Fact]
    public async Task Keeps_every_code_as_written_and_flags_those_missing_from_the_new_plan_in_the_result_and_the_checks()
    {
        var created = await CarryAsync("2026-2029");
        Assert.True(created.Succeeded, string.Join(" ", created.Problems.Select(p => p.En)));
        var (old, fresh) = await RowsAsync();

        Assert.All(fresh, n => Assert.Equal(old[n.From].PlanCodes, n.Row.PlanCodes));
        var expected = fresh.Where(n => n.Row.PlanCodes.Any(Gone.Contains))
            .Select(n => (ActivityLabel.Of(n.Row).ToString(), string.Join(",", n.Row.PlanCodes.Where(Gone.Contains).Distinct()))).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < fresh.Count);
        Assert.Equal("2026-2029", created.Value!.PlanPeriod);
        Assert.Equal(expected, created.Value.CodesNotInPlan!.Select(f => (f.Label, string.Join(",", f.Codes))));

        var checks = await database.RunAsync<Features.Checks.CheckProgramme.Handler, Features.Checks.CheckProgramme.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, "ptc-2025-2028"), CancellationToken.None));
        var findings = checks!.Findings.Where(f => f.Violation.Rule == RuleCode.CodeNotInPlan).ToList();
        Assert.Equal(expected.Select(e => e.Item1), findings.Select(f => f.Reference));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Violation.Severity));
        var first = findings[0].Violation.Message;
        Assert.Contains("not in the plan 2026–2029: ", first.En, StringComparison.Ordinal);
        Assert.Contains("absent", first.Fr, StringComparison.Ordinal);
        Assert.EndsWith(expected[0].Item2.Replace(",", ", ", StringComparison.Ordinal) + ".", first.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_same_plan_nothing_is_flagged_and_the_old_programme_reports_no_missing_code()
    {
        var created = await CarryAsync("2022-2025");
        Assert.True(created.Succeeded);
        Assert.Empty(created.Value!.CodesNotInPlan!);

        foreach (var slug in new[] { "ptc-2025-2028", SeedFile.PtcSlug })
        {
            var checks = await database.RunAsync<Features.Checks.CheckProgramme.Handler, Features.Checks.CheckProgramme.Result?>(h =>
                h.HandleAsync(new(Viewer.Operator, slug), CancellationToken.None));
            Assert.DoesNotContain(checks!.Findings, f => f.Violation.Rule == RuleCode.CodeNotInPlan);
        }
    }
}
