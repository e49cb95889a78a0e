using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Tests.Rules;

public sealed class ProgrammeRulesFacts
{
    private static IReadOnlyList<RuleViolation> Check(IEnumerable<ActivityVersion> rows, params StatusReport[] reports) =>
        ProgrammeRules.Check(rows, id => reports.SingleOrDefault(r => r.ActivityId == id));

    private static (ActivityVersion Row, StatusReport Report) Clean(ActivityContent? content = null)
    {
        var row = Build.Row(content);
        return (row, Build.Report(row.ActivityId));
    }

    [Fact]
    public void A_complete_row_breaks_no_rule()
    {
        var (row, report) = Clean();

        Assert.Empty(Check([row], report));
    }

    [Fact]
    public void A_code_the_programmes_plan_does_not_hold_is_kept_and_reported_as_a_warning_naming_the_plan()
    {
        var (row, report) = Clean(Build.Content() with { PlanCodes = ["PS1", "FA3", "ALL"] });
        var plan = new FollowedPlan("2026-2029", new HashSet<string>(["PS1", "FA4"], StringComparer.Ordinal));

        var violation = Assert.Single(ProgrammeRules.Check([row], _ => report, plan: plan));
        var withoutPlan = ProgrammeRules.Check([row], _ => report);

        Assert.Equal((RuleCode.CodeNotInPlan, Severity.Warning, true), (violation.Rule, violation.Severity, ProgrammeRules.NeedsAction(violation.Rule)));
        Assert.Equal("Refers to codes not in the plan 2026–2029: FA3, ALL.", violation.Message.En);
        Assert.Equal("Renvoie à des codes absents du plan 2026–2029 : FA3, ALL.", violation.Message.Fr);
        Assert.Equal(["PS1", "FA3", "ALL"], row.PlanCodes);
        Assert.Empty(withoutPlan);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void An_activity_not_linked_to_the_plan_is_an_error(bool? linked)
    {
        var (row, report) = Clean(Build.Content() with { LinkedToStrategicPlan = linked });

        var violation = Assert.Single(Check([row], report));
        Assert.Equal((RuleCode.NotLinkedToStrategicPlan, Severity.Error), (violation.Rule, violation.Severity));
    }

    [Fact]
    public void A_time_bound_activity_without_deadline_is_an_error()
    {
        var (row, report) = Clean(Build.Content() with { Deadline = Deadline.None });

        Assert.Contains(Check([row], report), v => v.Rule == RuleCode.TimeBoundWithoutDeadline && v.Severity == Severity.Error);
    }

    [Fact]
    public void A_permanent_activity_must_be_continuous_work()
    {
        var (row, report) = Clean(Build.Content(Section.Permanent) with { Deadline = Build.Content().Deadline });

        Assert.Equal([RuleCode.PermanentNotContinuous], Check([row], report).Select(v => v.Rule));
    }

    [Fact]
    public void An_execution_level_that_contradicts_the_keyword_is_an_error()
    {
        var row = Build.Row();
        var report = Build.Report(row.ActivityId, StatusKeyword.Completed, ExecutionLevel.Red);

        Assert.Equal([RuleCode.LevelContradictsKeyword], Check([row], report).Select(v => v.Rule));
    }

    [Fact]
    public void Duplicate_numbers_in_a_section_are_errors_on_each_row()
    {
        var (first, firstReport) = Clean(Build.Content(number: 1));
        var (second, secondReport) = Clean(Build.Content(number: 1));

        var violations = Check([first, second], firstReport, secondReport);

        Assert.Equal(2, violations.Count(v => v.Rule == RuleCode.DuplicateNumber));
    }

    [Fact]
    public void A_gap_in_the_numbers_is_a_missing_number()
    {
        var (first, firstReport) = Clean(Build.Content(number: 1));
        var (third, thirdReport) = Clean(Build.Content(number: 3));

        var missing = Assert.Single(Check([first, third], firstReport, thirdReport));
        Assert.Equal((RuleCode.MissingNumber, 2, (Guid?)null), (missing.Rule, missing.Number, missing.ActivityId));
    }

    [Fact]
    public void Sections_are_numbered_independently_and_deleted_rows_are_not_checked()
    {
        var (timeBound, report1) = Clean(Build.Content(Section.TimeBound, 1));
        var (permanent, report2) = Clean(Build.Content(Section.Permanent, 1));
        var deleted = Build.Row(Build.Content() with { Number = null, PreviousNumber = 2, Revision = RevisionKind.Deleted, LinkedToStrategicPlan = false });

        Assert.Empty(Check([timeBound, permanent, deleted], report1, report2));
    }

    [Fact]
    public void Missing_keyword_next_steps_translation_and_priority_are_warnings()
    {
        var row = Build.Row(Build.Content() with { Priority = null, Kpi = BilingualText.French("Orientations adoptées") });
        var report = new StatusReport(row.ActivityId, "ctp-243-244");
        report.Record(null, false, BilingualText.French("Rien"), BilingualText.Empty, []);

        var violations = Check([row], report);

        Assert.All(violations, v => Assert.Equal(Severity.Warning, v.Severity));
        Assert.Equal(
            [RuleCode.NoKeyword, RuleCode.NoNextSteps, RuleCode.MissingTranslation, RuleCode.BlankPriority],
            violations.Select(v => v.Rule).Order());
        Assert.Contains("KPIs", violations.Single(v => v.Rule == RuleCode.MissingTranslation).Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completed_activity_needs_no_next_steps()
    {
        var row = Build.Row();
        var report = new StatusReport(row.ActivityId, "ctp-243-244");
        report.Record(StatusKeyword.Completed, false, new BilingualText("Achevé.", "Completed."), BilingualText.Empty, []);

        Assert.Empty(Check([row], report));
    }

    [Fact]
    public void An_activity_without_status_report_has_no_keyword()
    {
        Assert.Equal([RuleCode.NoKeyword], Check([Build.Row()]).Select(v => v.Rule));
    }

    [Fact]
    public void Every_message_is_given_in_both_languages()
    {
        var row = Build.Row(Build.Content() with { LinkedToStrategicPlan = false, Priority = null, Deadline = Deadline.None });

        Assert.All(Check([row]), v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Message.Fr));
            Assert.False(string.IsNullOrWhiteSpace(v.Message.En));
        });
    }

    [Fact]
    public void A_time_bound_activity_past_its_deadline_and_not_completed_is_overdue()
    {
        var (row, ongoing) = Clean();
        var april2025 = (2025 * 12) + 3;
        var october2025 = (2025 * 12) + 9;

        Assert.DoesNotContain(Check([row], ongoing), v => v.Rule == RuleCode.Overdue);
        Assert.Contains(ProgrammeRules.Check([row], _ => ongoing, october2025), v => v.Rule == RuleCode.Overdue && v.Severity == Severity.Warning);
        Assert.DoesNotContain(ProgrammeRules.Check([row], _ => ongoing, april2025), v => v.Rule == RuleCode.Overdue);
        Assert.DoesNotContain(ProgrammeRules.Check([row], _ => Build.Report(row.ActivityId, StatusKeyword.Completed), october2025),
            v => v.Rule == RuleCode.Overdue);
    }

    [Fact]
    public void A_deadline_at_a_session_follows_the_session_when_it_moves()
    {
        var atSession = Build.Content() with
        {
            Deadline = new Deadline(BilingualText.French("245ème/246ème sessions du CTP"), false,
                [new DeadlineMilestone { Kind = MilestoneKind.Session, SessionBody = "CTP", Ordinals = [245, 246] }]),
        };
        var (row, ongoing) = Clean(atSession);
        var reported = (2025 * 12) + 3;

        bool OverdueWhenSessionMeetsIn(int month) =>
            ProgrammeRules.IsOverdue(row, ongoing, reported, m => m.Kind == MilestoneKind.Session ? month : m.MonthIndex);

        Assert.True(OverdueWhenSessionMeetsIn((2024 * 12) + 9));
        Assert.False(OverdueWhenSessionMeetsIn((2025 * 12) + 9));
    }
}
