using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Checks;

/// <summary>The real document breaks some of its own rules; the checks must show exactly where.</summary>
public sealed class CheckProgrammeFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<CheckProgramme.Result?> CheckAsync() =>
        database.RunAsync<CheckProgramme.Handler, CheckProgramme.Result?>(h => h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None));

    [Fact]
    public async Task Finds_the_two_errors_of_the_ptc_document()
    {
        var report = (await CheckAsync())!;

        Assert.Equal(
            [("II.20", RuleCode.NotLinkedToStrategicPlan), ("II.23", RuleCode.PermanentNotContinuous)],
            report.Findings.Where(f => f.Violation.Severity == Severity.Error).Select(f => (f.Reference, f.Violation.Rule)));
    }

    [Fact]
    public async Task Warns_of_the_six_blank_priorities()
    {
        var report = (await CheckAsync())!;

        Assert.Equal(["I.22", "I.23", "I.24", "I.25", "I.27", "II.25"],
            report.Findings.Where(f => f.Violation.Rule == RuleCode.BlankPriority).Select(f => f.Reference));
    }

    [Fact]
    public async Task Warns_of_missing_translations_on_every_row_written_in_french_only()
    {
        var report = (await CheckAsync())!;
        var untranslated = report.Findings.Count(f => f.Violation.Rule == RuleCode.MissingTranslation);

        Assert.InRange(untranslated, 70, 94);
        Assert.DoesNotContain(report.Findings, f => f.Violation.Rule is RuleCode.DuplicateNumber or RuleCode.MissingNumber);
    }

    [Fact]
    public async Task Counts_findings_by_rule_errors_first()
    {
        var report = (await CheckAsync())!;

        Assert.Equal(report.Findings.Count, report.CountsByRule.Sum(c => c.Count));
        Assert.Equal(Severity.Error, report.CountsByRule[0].Severity);
        Assert.Equal(2, report.Errors);
    }

    [Fact]
    public async Task Knows_no_programme_it_does_not_have()
    {
        Assert.Null(await database.RunAsync<CheckProgramme.Handler, CheckProgramme.Result?>(h => h.HandleAsync(new(Viewer.Anonymous, "nope"), CancellationToken.None)));
    }

    [Fact]
    public async Task Finds_the_activity_overdue_at_the_243rd_244th_sessions()
    {
        var report = (await CheckAsync())!;

        Assert.Equal(["I.8"], report.Findings.Where(f => f.Violation.Rule == RuleCode.Overdue).Select(f => f.Reference));
    }
}
