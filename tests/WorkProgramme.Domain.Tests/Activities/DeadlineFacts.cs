using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class DeadlineFacts
{
    [Fact]
    public void Places_seasons_in_the_months_the_committee_meets()
    {
        var spring = new DeadlineMilestone { Kind = MilestoneKind.Season, Season = Season.Spring, Year = 2025 };
        var autumn = new DeadlineMilestone { Kind = MilestoneKind.Season, Season = Season.Autumn, Year = 2024 };

        Assert.Equal((2025 * 12) + 3, spring.MonthIndex);
        Assert.Equal((2024 * 12) + 9, autumn.MonthIndex);
    }

    [Fact]
    public void Takes_its_last_dated_milestone_as_its_end()
    {
        var deadline = new Deadline(BilingualText.French("Printemps 2025 (CTP) / Juin 2025 (CPG et Conseil)"), false,
        [
            new DeadlineMilestone { Kind = MilestoneKind.Season, Season = Season.Spring, Year = 2025, Bodies = ["CTP"] },
            new DeadlineMilestone { Kind = MilestoneKind.Month, Month = 6, Year = 2025, Bodies = ["CPG", "Conseil"] },
        ]);

        Assert.Equal((2025 * 12) + 5, deadline.LastMonthIndex);
    }

    [Fact]
    public void Continuous_work_has_no_end_and_no_other_milestone()
    {
        var continuous = Deadline.ContinuousWork(BilingualText.French("Travail continu"));

        Assert.Null(continuous.LastMonthIndex);
        Assert.Throws<DomainException>(() => new Deadline(BilingualText.Empty, true,
            [new DeadlineMilestone { Kind = MilestoneKind.Year, Year = 2025 }]));
    }

    [Fact]
    public void Compares_by_value_including_milestones()
    {
        Deadline Make(int year) => new(BilingualText.French("x"), false, [new DeadlineMilestone { Kind = MilestoneKind.Year, Year = year, Bodies = ["CTP"] }]);

        Assert.Equal(Make(2025), Make(2025));
        Assert.NotEqual(Make(2025), Make(2024));
    }
}
