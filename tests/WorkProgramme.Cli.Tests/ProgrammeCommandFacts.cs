using WorkProgramme.Application.Features.StrategicPlans;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.StrategicPlans;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp programme new</c>: a programme from scratch, the next period with the rule's carry-over, refusals in words.</summary>
public sealed class ProgrammeCommandFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, [.. args, "--lang", "en"]);

    [Fact]
    public async Task Creates_a_programme_for_another_committee_then_lists_its_empty_draft()
    {
        var created = await RunAsync("programme", "new", "--programme", "clf-2025-2028", "--body", "CLF", "--period", "2025-2028",
            "--title-fr", "Programme de travail du CLF", "--title-en", "EC Work Programme", "--symbol", "EC0800");
        var versions = await RunAsync("versions", "--programme", "clf-2025-2028");

        Assert.Equal(0, created.Exit);
        Assert.StartsWith("clf-2025-2028\t", created.Output, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{4}-[0-9]{2}\tdraft\tEC0800\t—\t0 activities$", versions.Output.Trim());
    }

    [Fact]
    public async Task Carries_the_next_period_over_by_the_rule_and_lists_the_deadlines_to_set_again()
    {
        var created = await RunAsync("programme", "new", "--programme", "ptc-2025-2028", "--body", "CTP", "--period", "2025-2028",
            "--carry-over-from", "ptc-2022-2025");
        var again = await RunAsync("programme", "new", "--programme", "ptc-2025-2028-bis", "--body", "CTP", "--period", "2025-2028",
            "--carry-over-from", "ptc-2022-2025");

        Assert.Equal(0, created.Exit);
        Assert.Contains("83 activities carried over from ptc-2022-2025, now archived.", created.Error, StringComparison.Ordinal);
        Assert.Contains("Deadlines before the period, to set again: I.1, I.2, I.3,", created.Error, StringComparison.Ordinal);
        Assert.Equal(1, again.Exit);
        Assert.Contains("is archived", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carried_codes_the_new_plan_lacks_are_kept_and_printed_as_flags_to_replace()
    {
        Assert.Equal(0, (await RunAsync("plan", "list")).Exit);
        var plan = await database.RunAsync<PlanEdits.Handler, Result<string>>(h => h.HandleAsync(
            new PlanEdits.Create(Viewer.Operator, "2026-2029", "Plan stratégique 2026–2029", "Strategic Plan 2026–2029"), CancellationToken.None));
        Assert.True(plan.Succeeded);
        foreach (var code in new[] { "PS1", "PS2", "PS3", "PS4", "PS5", "FA1", "FA2", "OS1", "OS2", "ORG1" })
        {
            var version = (await database.RunAsync<PlanDirectory, PlanDirectory.Plan?>(d => d.FindAsync("2026-2029", CancellationToken.None)))!.Version;
            Assert.True((await database.RunAsync<PlanEdits.Handler, Result<string>>(h => h.HandleAsync(new PlanEdits.AddCode(Viewer.Operator, "2026-2029",
                version, code, null, null, code, code, PlanElementGroup.StrategicProcess), CancellationToken.None))).Succeeded);
        }

        var created = await RunAsync("programme", "new", "--programme", "ptc-2025-2028", "--body", "CTP", "--period", "2025-2028",
            "--carry-over-from", "ptc-2022-2025", "--plan", "2026-2029");

        Assert.Equal(0, created.Exit);
        var line = Assert.Single(created.Error.Split('\n'), l => l.StartsWith("Codes not in the plan", StringComparison.Ordinal));
        Assert.Matches(@"^Codes not in the plan 2026–2029, kept and flagged, to replace: (I|II)\.[0-9]+ \((FA3|ORG2|ALL)(, (FA3|ORG2|ALL))*\)(, (I|II)\.[0-9]+ \((FA3|ORG2|ALL)(, (FA3|ORG2|ALL))*\))*$", line.Trim());
    }

    [Fact]
    public async Task A_programme_follows_the_plan_named_or_the_one_covering_its_first_year_and_plan_list_counts_it()
    {
        var covered = await RunAsync("programme", "new", "--programme", "clf-2023-2026", "--body", "CLF", "--period", "2023-2026");
        var named = await RunAsync("programme", "new", "--programme", "clf-2025-2028", "--body", "CLF", "--period", "2025-2028", "--plan", "2022-2025");
        var unknown = await RunAsync("programme", "new", "--programme", "clf-2031-2034", "--body", "CLF", "--period", "2031-2034", "--plan", "2031-2034");
        var plans = await RunAsync("plan", "list");

        Assert.Equal((0, 0), (covered.Exit, named.Exit));
        Assert.Equal((2, "No Strategic Plan for the period '2031-2034'."), (unknown.Exit, unknown.Error.Trim()));
        var line = Assert.Single(plans.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("2022-2025\t", StringComparison.Ordinal));
        Assert.Matches("^2022-2025\t13 codes\t[0-9]+ programmes\tWCO Strategic Plan 2022–2025$", line.Trim());
    }

    [Fact]
    public async Task Wrong_input_is_refused_in_words_with_the_usage_exit_code()
    {
        var taken = await RunAsync("programme", "new", "--programme", "ptc-2022-2025", "--body", "CTP", "--period", "2025-2028");
        var period = await RunAsync("programme", "new", "--programme", "clf-x", "--body", "CLF", "--period", "2025");
        var unknown = await RunAsync("programme", "new", "--programme", "clf-x", "--body", "CLF", "--period", "2025-2028", "--carry-over-from", "nothing");

        Assert.Equal((2, "A programme already has the identifier 'ptc-2022-2025'."), (taken.Exit, taken.Error.Trim()));
        Assert.Equal((2, "The period: two years from 2000 to 2100, the second after the first (for example 2025-2028)."), (period.Exit, period.Error.Trim()));
        Assert.Equal((2, "Programme not found: nothing"), (unknown.Exit, unknown.Error.Trim()));
    }
}
