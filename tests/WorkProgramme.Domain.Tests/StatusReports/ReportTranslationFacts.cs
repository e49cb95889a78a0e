using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Tests.StatusReports;

public sealed class ReportTranslationFacts
{
    private static StatusReport Published()
    {
        var report = new StatusReport(Guid.NewGuid(), "ctp-243-244");
        report.Record(StatusKeyword.Ongoing, false, BilingualText.French("Travaux en cours."), new BilingualText("Présentation en avril.", "Presentation in April."),
            [new ReachedMilestone(new DateOnly(2024, 4, 1), BilingualText.French("Projet présenté."))]);
        report.Publish();
        return report;
    }

    [Fact]
    public void A_published_report_takes_its_missing_English_and_keeps_its_French_as_published()
    {
        var report = Published();

        Assert.True(report.Translate(ReportTextField.Narrative, 0, Language.En, "Work under way."));
        Assert.True(report.Translate(ReportTextField.Milestone, 0, Language.En, "Draft presented."));

        Assert.Equal(new BilingualText("Travaux en cours.", "Work under way."), report.Narrative);
        Assert.Equal(new BilingualText("Projet présenté.", "Draft presented."), report.MilestonesReached[0].Text);
        Assert.Equal(ReportState.Published, report.State);
    }

    [Fact]
    public void A_published_report_refuses_to_replace_a_language_it_has()
    {
        var report = Published();

        var refused = Assert.Throws<DomainException>(() => report.Translate(ReportTextField.NextSteps, 0, Language.En, "Other words."));
        Assert.Throws<DomainException>(() => report.Translate(ReportTextField.Narrative, 0, Language.Fr, "Autres mots."));

        Assert.Contains("published", refused.Messages.En, StringComparison.Ordinal);
        Assert.Equal("Presentation in April.", report.NextSteps.En);
    }

    [Fact]
    public void A_translation_of_a_text_the_report_does_not_have_is_refused()
    {
        Assert.Throws<DomainException>(() => Published().Translate(ReportTextField.Milestone, 3, Language.En, "x"));
    }

    private static StatusReport Draft(string narrativeFr = "Travaux en cours.", string? narrativeEn = "Work under way.")
    {
        var report = new StatusReport(Guid.NewGuid(), "ctp-245-246");
        report.Update(StatusKeyword.Ongoing, new BilingualText(narrativeFr, narrativeEn), new BilingualText("Rapport en octobre.", "Report in October."),
            [new ReachedMilestone(new DateOnly(2024, 4, 1), new BilingualText("Projet présenté.", "Draft presented."))], "alice");
        return report;
    }

    [Fact]
    public void Changing_the_French_of_a_report_text_after_its_English_marks_the_English_outdated_and_that_text_only()
    {
        var report = Draft();

        report.Update(StatusKeyword.Ongoing, new BilingualText("Travaux en cours, retardés.", "Work under way."), report.NextSteps,
            [new ReachedMilestone(new DateOnly(2024, 4, 1), new BilingualText("Projet présenté en avril.", "Draft presented."))], "alice");

        Assert.Equal(Language.En, report.OutdatedSide(ReportTextField.Narrative));
        Assert.Equal(Language.En, report.OutdatedSide(ReportTextField.Milestone, 0));
        Assert.Null(report.OutdatedSide(ReportTextField.NextSteps));
        Assert.Equal(2, report.OutdatedTranslations.Count);
    }

    [Fact]
    public void Writing_the_first_English_or_changing_both_languages_marks_nothing()
    {
        var report = Draft(narrativeEn: null);

        report.Update(StatusKeyword.Ongoing, new BilingualText("Travaux en cours.", "Work under way."), new BilingualText("Rapport en mai.", "Report in May."),
            report.MilestonesReached, "alice");

        Assert.Empty(report.OutdatedTranslations);
    }

    [Fact]
    public void Updating_the_English_of_an_outdated_text_or_translating_it_clears_its_mark()
    {
        var report = Draft();
        report.Update(StatusKeyword.Ongoing, new BilingualText("Travaux retardés.", "Work under way."), new BilingualText("Rapport en mai.", "Report in October."),
            report.MilestonesReached, "alice");
        Assert.Equal(2, report.OutdatedTranslations.Count);

        report.Update(StatusKeyword.Ongoing, new BilingualText("Travaux retardés.", "Work delayed."), report.NextSteps, report.MilestonesReached, "alice");
        Assert.True(report.Translate(ReportTextField.NextSteps, 0, Language.En, "Report in May."));

        Assert.Empty(report.OutdatedTranslations);
    }

    [Fact]
    public void Translation_checked_clears_every_mark_and_is_a_change_of_the_report()
    {
        var report = Draft();
        report.Update(StatusKeyword.Ongoing, new BilingualText("Travaux retardés.", "Work under way."), report.NextSteps, report.MilestonesReached, "alice");
        var version = report.RowVersion;

        Assert.True(report.ConfirmTranslations());

        Assert.Empty(report.OutdatedTranslations);
        Assert.Equal(version + 1, report.RowVersion);
        Assert.False(report.ConfirmTranslations());
    }

    [Fact]
    public void A_new_rounds_draft_keeps_the_marks_of_the_report_it_copies()
    {
        var report = Draft();
        report.Update(StatusKeyword.Ongoing, new BilingualText("Travaux retardés.", "Work under way."), report.NextSteps, report.MilestonesReached, "alice");
        report.Publish();

        var next = StatusReport.CopyForward(report.ActivityId, "ctp-247-248", report);

        Assert.Equal(Language.En, next.OutdatedSide(ReportTextField.Narrative));
        Assert.Throws<DomainException>(() => report.ConfirmTranslations());
    }
}
