using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Domain.Tests.StrategicPlans;

/// <summary>The Strategic Plan as a versioned list (docs/decisions/0049): the rules live in the entity, one place each.</summary>
public sealed class StrategicPlanFacts
{
    private static StrategicPlan Plan() => new(2026, 2029, new BilingualText("Plan stratégique 2026–2029", "Strategic Plan 2026–2029"));

    private static BilingualText Words(string fr, string en) => new(fr, en);

    [Theory]
    [InlineData("2026-2029", 2026, 2029)]
    [InlineData(" 2022-2025 ", 2022, 2025)]
    public void Reads_a_well_formed_period(string text, int start, int end) => Assert.Equal((start, end), StrategicPlan.ParsePeriod(text));

    [Theory]
    [InlineData("2029-2026")]
    [InlineData("2026-2026")]
    [InlineData("1999-2002")]
    [InlineData("2026")]
    [InlineData("26-29")]
    [InlineData("2026–2029")]
    [InlineData(null)]
    public void Refuses_a_period_that_is_not_two_ordered_years_from_2000_to_2100(string? text)
    {
        Assert.Null(StrategicPlan.ParsePeriod(text));
        if (text?.Split('-') is [var a, var b] && int.TryParse(a, out var start) && int.TryParse(b, out var end))
        {
            Assert.Throws<DomainException>(() => new StrategicPlan(start, end, Words("Plan", "Plan")));
        }
    }

    [Fact]
    public void A_plan_needs_a_title_in_one_language_at_least() =>
        Assert.Throws<DomainException>(() => new StrategicPlan(2026, 2029, BilingualText.Empty));

    [Fact]
    public void Codes_are_added_in_order_and_a_code_is_unique_within_its_plan()
    {
        var plan = Plan();
        plan.AddCode("SP1", Words("PS1", "SP1"), Words("Processus 1", "Process 1"), PlanElementGroup.StrategicProcess);
        plan.AddCode("FA1", Words("FA1", "FA1"), Words("Domaine 1", "Area 1"), PlanElementGroup.FocusArea);

        var refused = Assert.Throws<DomainException>(() =>
            plan.AddCode("SP1", Words("PS1", "SP1"), Words("Encore", "Again"), PlanElementGroup.StrategicProcess));

        Assert.Contains("already has the code 'SP1'", refused.Messages.En, StringComparison.Ordinal);
        Assert.Equal(["SP1", "FA1"], plan.Elements.OrderBy(e => e.Order).Select(e => e.Code));
        Assert.Equal([1, 2], plan.Elements.OrderBy(e => e.Order).Select(e => e.Order));
    }

    [Fact]
    public void The_same_code_may_stand_in_two_plans()
    {
        var (first, second) = (Plan(), new StrategicPlan(2030, 2033, Words("Plan 2030", "Plan 2030")));

        first.AddCode("PS1", Words("PS1", "SP1"), Words("Un", "One"), PlanElementGroup.StrategicProcess);
        second.AddCode("PS1", Words("PS1", "SP1"), Words("Autre", "Other"), PlanElementGroup.StrategicProcess);

        Assert.Equal(("One", "Other"), (first.Find("PS1")!.Label.En, second.Find("PS1")!.Label.En));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PS 1")]
    [InlineData("PS1/2")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Refuses_a_code_that_is_not_letters_digits_dot_or_hyphen_within_twenty(string code) =>
        Assert.Throws<DomainException>(() => Plan().AddCode(code, Words("X", "X"), Words("Nom", "Name"), PlanElementGroup.FocusArea));

    [Fact]
    public void Refuses_a_code_without_a_name_or_with_a_control_character_in_its_name()
    {
        var plan = Plan();

        Assert.Throws<DomainException>(() => plan.AddCode("FA1", Words("FA1", "FA1"), BilingualText.Empty, PlanElementGroup.FocusArea));
        var control = Assert.Throws<DomainException>(() => plan.AddCode("FA1", Words("FA1", "FA1"), Words("Nom", "Na\u0007me"), PlanElementGroup.FocusArea));
        Assert.Contains("The name (in English) contains", control.Messages.En, StringComparison.Ordinal);
        Assert.Empty(plan.Elements);
    }

    [Fact]
    public void A_code_in_use_can_be_renamed_but_not_deleted_and_an_unused_one_can_be_deleted()
    {
        var plan = Plan();
        plan.AddCode("PS1", Words("PS1", "SP1"), Words("Un", "One"), PlanElementGroup.StrategicProcess);
        plan.AddCode("PS2", Words("PS2", "SP2"), Words("Deux", "Two"), PlanElementGroup.StrategicProcess);
        bool InUse(string code) => code == "PS1";

        plan.Rename("PS1", Words("PS1", "SP1"), Words("Un, renommé", "One, renamed"));
        var refused = Assert.Throws<DomainException>(() => plan.Remove("PS1", InUse));
        plan.Remove("PS2", InUse);

        Assert.Contains("can be renamed, not deleted", refused.Messages.En, StringComparison.Ordinal);
        var kept = Assert.Single(plan.Elements);
        Assert.Equal(("PS1", "One, renamed"), (kept.Code, kept.Label.En));
    }

    [Fact]
    public void A_year_has_one_plan()
    {
        var plan = Plan();

        Assert.True(plan.Overlaps(2029, 2032));
        Assert.True(plan.Overlaps(2023, 2026));
        Assert.False(plan.Overlaps(2030, 2033));
        Assert.True(plan.Covers(2026) && plan.Covers(2029) && !plan.Covers(2030));
    }
}
