using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class DeadlineParserFacts
{
    private static IEnumerable<string> Read(string fr, string? en = null) =>
        DeadlineParser.Parse(new BilingualText(fr, en)).Milestones.Select(m => m.Kind switch
        {
            MilestoneKind.Season => $"{m.Season} {m.Year} [{string.Join(",", m.Bodies)}]",
            MilestoneKind.Month => $"M{m.Month} {m.Year} [{string.Join(",", m.Bodies)}]",
            _ => $"{m.Kind} {m.Year} [{string.Join(",", m.Bodies)}]",
        });

    [Fact]
    public void Reads_a_session_deadline_and_the_council_after_it() =>
        Assert.Equal(["Spring 2025 [CTP]", "M6 2025 [CPG,Conseil]"], Read("Printemps 2025 (CTP) / Juin 2025 (CPG et Conseil)"));

    [Fact]
    public void Reads_several_years_sharing_one_season() =>
        Assert.Equal(["Spring 2023 [CTP]", "Spring 2024 [CTP]", "Spring 2025 [CTP]", "M6 2023 [CPG,Conseil]", "M6 2024 [CPG,Conseil]", "M6 2025 [CPG,Conseil]"],
            Read("Printemps 2023, 2024 et 2025 (CTP) / Juin 2023, juin 2024 et juin 2025 (CPG et Conseil)"));

    [Fact]
    public void Reads_english_and_maps_english_body_abbreviations_to_the_french_codes() =>
        Assert.Equal(["Autumn 2024 [CTP]", "M6 2025 [Conseil]"], Read(null!, "Autumn 2024 (PTC) / June 2025 (Council)"));

    [Theory]
    [InlineData("Travail continu")]
    [InlineData("Continuous work")]
    public void Reads_continuous_work(string text)
    {
        var deadline = DeadlineParser.Parse(new BilingualText(text, null));

        Assert.True(deadline.Continuous);
        Assert.Equal(MilestoneKind.Continuous, Assert.Single(deadline.Milestones).Kind);
    }

    [Fact]
    public void Keeps_the_wording_and_gives_no_milestone_for_what_it_cannot_read()
    {
        var deadline = DeadlineParser.Parse(new BilingualText("Une fois par an au CTP", null));

        Assert.Empty(deadline.Milestones);
        Assert.Equal("Une fois par an au CTP", deadline.Text.Fr);
    }

    [Fact]
    public void A_bare_year_is_a_year_milestone() =>
        Assert.Equal(["Year 2025 [Conseil]"], Read("2025 (Conseil)"));
}
