using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Tests.StatusReports;

public sealed class StatusReportFacts
{
    [Theory]
    [InlineData(StatusKeyword.Completed, ExecutionLevel.Green)]
    [InlineData(StatusKeyword.Ongoing, ExecutionLevel.Blue)]
    [InlineData(StatusKeyword.Postponed, ExecutionLevel.Red)]
    [InlineData(StatusKeyword.NotStarted, ExecutionLevel.Red)]
    public void Derives_the_execution_level_from_the_keyword(StatusKeyword keyword, ExecutionLevel level)
    {
        var report = Build.Report(Guid.NewGuid(), keyword);

        Assert.Equal(level, report.ExecutionLevel);
        Assert.False(report.LevelContradictsKeyword);
    }

    [Fact]
    public void Keeps_a_recorded_colour_so_a_contradiction_can_be_shown()
    {
        var report = Build.Report(Guid.NewGuid(), StatusKeyword.Ongoing, ExecutionLevel.Green);

        Assert.True(report.LevelContradictsKeyword);
    }

    [Fact]
    public void Has_no_level_and_no_inference_without_keyword()
    {
        var report = new StatusReport(Guid.NewGuid(), "ctp-243-244");
        report.Record(null, keywordInferred: true, BilingualText.Empty, BilingualText.Empty, []);

        Assert.Null(report.ExecutionLevel);
        Assert.False(report.KeywordInferred);
    }

    [Fact]
    public void A_published_report_can_no_longer_change()
    {
        var report = Build.Report(Guid.NewGuid());
        report.Publish();

        Assert.Throws<DomainException>(() => report.Record(StatusKeyword.Completed, false, BilingualText.Empty, BilingualText.Empty, []));
        Assert.Throws<DomainException>(report.Publish);
    }
}

public sealed class ReviewFacts
{
    /// <summary>A draft copied forward into a round, then written by alice.</summary>
    private static StatusReport WrittenByAlice()
    {
        var report = StatusReport.CopyForward(Guid.NewGuid(), "ctp-245-246", Build.Report(Guid.NewGuid()));
        report.Update(StatusKeyword.Ongoing, new BilingualText("En cours.", null), BilingualText.Empty, [], "alice");
        return report;
    }

    [Fact]
    public void Another_editor_marks_an_updated_report_reviewed()
    {
        var report = WrittenByAlice();
        var before = report.RowVersion;

        report.Review("bob");

        Assert.Equal((ReportProgress.Reviewed, "bob", before + 1), (report.Progress, report.ReviewedBy, report.RowVersion));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    public void Its_author_cannot_review_it(string by)
    {
        var report = WrittenByAlice();

        var refused = Assert.Throws<DomainException>(() => report.Review(by));

        Assert.Contains("another Secretariat member", refused.Messages.En, StringComparison.Ordinal);
        Assert.Equal(ReportProgress.Updated, report.Progress);
    }

    [Fact]
    public void A_report_nobody_updated_in_the_round_cannot_be_reviewed()
    {
        var report = StatusReport.CopyForward(Guid.NewGuid(), "ctp-245-246", Build.Report(Guid.NewGuid()));

        Assert.Throws<DomainException>(() => report.Review("bob"));
    }

    [Fact]
    public void A_report_already_reviewed_or_published_cannot_be_reviewed_again()
    {
        var reviewed = WrittenByAlice();
        reviewed.Review("bob");
        var published = WrittenByAlice();
        published.Publish();

        Assert.Throws<DomainException>(() => reviewed.Review("carol"));
        Assert.Throws<DomainException>(() => published.Review("bob"));
    }

    [Fact]
    public void A_new_update_after_the_review_calls_for_another_review()
    {
        var report = WrittenByAlice();
        report.Review("bob");

        report.Update(StatusKeyword.Completed, new BilingualText("Achevé.", null), BilingualText.Empty, [], "carol");

        Assert.Equal((ReportProgress.Updated, null), (report.Progress, report.ReviewedBy));
    }
}

public sealed class StatusWordsFacts
{
    [Fact]
    public void Every_keyword_and_level_has_its_word_in_both_languages()
    {
        var words = Enum.GetValues<StatusKeyword>().Select(StatusWords.Of)
            .Concat(Enum.GetValues<ExecutionLevel>().Select(StatusWords.Of)).ToList();

        Assert.All(words, w => Assert.False(w.IsPartlyTranslated || w.IsEmpty));
        Assert.Equal("Pas encore commencé", StatusWords.Of(StatusKeyword.NotStarted, Language.Fr));
        Assert.Equal("Blue", StatusWords.Of(ExecutionLevel.Blue, Language.En));
    }
}
