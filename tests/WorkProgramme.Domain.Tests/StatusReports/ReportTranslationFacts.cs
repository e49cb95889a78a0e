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
}
