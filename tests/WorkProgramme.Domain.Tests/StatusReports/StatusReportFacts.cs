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
