using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class ActivityVersionFacts
{
    [Fact]
    public void Refuses_a_deleted_row_that_keeps_a_number()
    {
        var content = Build.Content() with { Revision = RevisionKind.Deleted, Number = 4 };

        var refused = Assert.Throws<DomainException>(() => Build.Row(content));
        Assert.Contains("deleted", refused.Messages.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_new_row_with_a_previous_number()
    {
        var content = Build.Content() with { Revision = RevisionKind.New, PreviousNumber = 3 };

        Assert.Throws<DomainException>(() => Build.Row(content));
    }

    [Fact]
    public void Refuses_a_renumbered_row_whose_number_did_not_change()
    {
        var content = Build.Content() with { Revision = RevisionKind.Renumbered, Number = 5, PreviousNumber = 5 };

        Assert.Throws<DomainException>(() => Build.Row(content));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Refuses_numbers_that_are_not_positive(int number) =>
        Assert.Throws<DomainException>(() => Build.Row(Build.Content(number: number)));

    [Fact]
    public void Refuses_a_row_without_title() =>
        Assert.Throws<DomainException>(() => Build.Row(Build.Content() with { Title = BilingualText.Empty }));

    [Fact]
    public void Keeps_codes_in_order_without_duplicates()
    {
        var row = Build.Row(Build.Content() with { BodyCodes = ["CTP", " CPG", "CTP", "Conseil", ""] });

        Assert.Equal(["CTP", "CPG", "Conseil"], row.BodyCodes);
    }

    [Fact]
    public void Gives_the_first_body_the_lead_and_decision_bodies_the_decision()
    {
        var row = Build.Row(Build.Content() with { BodyCodes = ["EPMD", "CTP", "CPG", "Conseil"] });

        var roles = row.BodyRoles(code => code is "CPG" or "Conseil");

        Assert.Equal(
            [("EPMD", BodyRole.Lead), ("CTP", BodyRole.Supporting), ("CPG", BodyRole.Deciding), ("Conseil", BodyRole.Deciding)],
            roles);
    }

    [Fact]
    public void A_role_chosen_for_a_body_wins_over_the_role_its_place_gives_it()
    {
        var row = Build.Row(Build.Content() with
        {
            BodyCodes = ["EPMD", "CTP", "CPG"],
            ChosenRoles = [new BodyRoleChoice("CTP", BodyRole.Lead), new BodyRoleChoice("EPMD", BodyRole.Supporting)],
        });

        Assert.Equal(
            [("EPMD", BodyRole.Supporting), ("CTP", BodyRole.Lead), ("CPG", BodyRole.Deciding)],
            row.BodyRoles(code => code is "CPG"));
        Assert.Equal([new BodyRoleChoice("EPMD", BodyRole.Supporting), new BodyRoleChoice("CTP", BodyRole.Lead)], row.ChosenRoles);
    }

    [Theory]
    [InlineData(new[] { "CTP", "EPMD" }, null, "CTP")]
    [InlineData(new[] { "CTP", "EPMD" }, "EPMD", "EPMD")]
    [InlineData(new[] { "CPG", "CTP" }, "CTP", "CTP")]
    public void The_lead_body_is_the_one_chosen_as_lead_otherwise_the_first_by_its_place(string[] bodies, string? chosenLead, string? lead)
    {
        var row = Build.Row(Build.Content() with
        {
            BodyCodes = bodies,
            ChosenRoles = chosenLead is null ? [] : [new BodyRoleChoice(chosenLead, BodyRole.Lead)],
        });

        Assert.Equal(lead, row.LeadBody(code => code is "CPG"));
    }

    [Fact]
    public void A_role_is_kept_only_for_a_body_of_the_activity()
    {
        var row = Build.Row(Build.Content() with
        {
            BodyCodes = ["CTP", "Conseil"],
            ChosenRoles = [new BodyRoleChoice("CRC", BodyRole.Lead), new BodyRoleChoice(" Conseil", BodyRole.Supporting)],
        });

        Assert.Equal([new BodyRoleChoice("Conseil", BodyRole.Supporting)], row.ChosenRoles);
    }

    [Fact]
    public void Only_the_roles_that_differ_from_the_place_say_something()
    {
        var content = Build.Content() with
        {
            BodyCodes = ["CTP", "CPG", "EPMD"],
            ChosenRoles = [new BodyRoleChoice("CTP", BodyRole.Lead), new BodyRoleChoice("CPG", BodyRole.Deciding), new BodyRoleChoice("EPMD", BodyRole.Lead)],
        };

        var kept = content.WithRolesThatSaySomething(code => code is "CPG");

        Assert.Equal([new BodyRoleChoice("EPMD", BodyRole.Lead)], kept.ChosenRoles);
        Assert.NotEqual(content, kept);
        Assert.Equal(kept, kept.WithRolesThatSaySomething(code => code is "CPG"));
    }

    [Fact]
    public void A_row_without_chosen_roles_reads_as_before()
    {
        var row = Build.Row(Build.Content() with { BodyCodes = ["CTP", "Conseil"] });

        Assert.Empty(row.ChosenRoles);
        Assert.Equal([("CTP", BodyRole.Lead), ("Conseil", BodyRole.Deciding)], row.BodyRoles(code => code is "Conseil"));
    }

    [Fact]
    public void Returns_what_it_was_given_as_content()
    {
        var content = Build.Content();

        Assert.Equal(content, Build.Row(content).Content);
        Assert.NotEqual(content, Build.Row(content with { PlanCodes = ["PS2"] }).Content);
    }
}
