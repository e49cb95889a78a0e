using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Tests.Rounds;

public sealed class ReportingRoundFacts
{
    private static readonly DateTimeOffset Noon = new(2024, 4, 2, 12, 0, 0, TimeSpan.Zero);

    private static ReportingRound Round() => new(1, "ctp-243-244", "alice", Noon.AddDays(-30));

    [Fact]
    public void Publishing_freezes_every_draft_report_of_the_session_and_records_who_and_when()
    {
        var round = Round();
        var reports = new[] { Build.Report(Guid.NewGuid()), Build.Report(Guid.NewGuid()) };

        round.Publish("bob", Noon, reports);

        Assert.Equal((RoundState.Published, "bob", Noon), (round.State, round.PublishedBy, round.PublishedAt));
        Assert.All(reports, r => Assert.Equal(ReportState.Published, r.State));
        Assert.Throws<DomainException>(() => reports[0].Update(StatusKeyword.Completed, BilingualText.Empty, BilingualText.Empty, [], "bob"));
    }

    [Fact]
    public void A_round_is_published_once()
    {
        var round = Round();
        round.Publish("bob", Noon, []);

        Assert.Throws<DomainException>(() => round.Publish("bob", Noon, [Build.Report(Guid.NewGuid())]));
    }

    [Fact]
    public void A_report_of_another_session_is_refused_and_nothing_is_published()
    {
        var round = Round();
        var ours = Build.Report(Guid.NewGuid());
        var other = new StatusReport(Guid.NewGuid(), "ctp-245-246");

        Assert.Throws<DomainException>(() => round.Publish("bob", Noon, [ours, other]));

        Assert.Equal(RoundState.Open, round.State);
        Assert.Equal(ReportState.Draft, ours.State);
    }

    [Fact]
    public void A_report_already_published_is_left_as_it_is()
    {
        var published = Build.Report(Guid.NewGuid());
        published.Publish();

        Round().Publish("bob", Noon, [published, Build.Report(Guid.NewGuid())]);

        Assert.Equal(ReportState.Published, published.State);
    }

    [Fact]
    public void Publishing_names_who_publishes() =>
        Assert.Throws<DomainException>(() => Round().Publish(" ", Noon, []));
}
