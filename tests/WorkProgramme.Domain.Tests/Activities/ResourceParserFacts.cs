using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Domain.Tests.Activities;

/// <summary>The resources texts of the PTC programme, as written, read into officers per unit.</summary>
public sealed class ResourceParserFacts
{
    public static TheoryData<string, decimal, decimal, StaffUnit> SingleUnit => new()
    {
        { "Un/deux agent(s) de la Sous-direction de la facilitation", 1, 2, StaffUnit.Facilitation },
        { "0,5 agent de la Sous-direction de la facilitation", 0.5m, 0.5m, StaffUnit.Facilitation },
        { "Deux agents de la Sous-direction de la facilitation", 2, 2, StaffUnit.Facilitation },
        { "Un/deux fonctionnaires de la Sous-Direction Facilitation", 1, 2, StaffUnit.Facilitation },
        { "Un agent de la Sous-direction de la facilitation", 1, 1, StaffUnit.Facilitation },
        { "0,5 agent de la Sous-direction du contrôle", 0.5m, 0.5m, StaffUnit.Control },
        { "0,5 agent de la Direction du renforcement des capacités", 0.5m, 0.5m, StaffUnit.CapacityBuilding },
        { "1,5 agent de la Sous-direction de la facilitation", 1.5m, 1.5m, StaffUnit.Facilitation },
        { "2,5 agents de la Sous-direction de la facilitation", 2.5m, 2.5m, StaffUnit.Facilitation },
        { "Trois fonctionnaires de la Sous-Direction Facilitation", 3, 3, StaffUnit.Facilitation },
        { "Deux/trois fonctionnaires de la Sous-Direction Facilitation", 2, 3, StaffUnit.Facilitation },
        { "One/two officers from the Facilitation Sub-Directorate", 1, 2, StaffUnit.Facilitation },
        { "Two/Three Officers from the Facilitation Sub-directorate", 2, 3, StaffUnit.Facilitation },
    };

    [Theory]
    [MemberData(nameof(SingleUnit))]
    public void Reads_officers_of_one_unit(string text, decimal min, decimal max, StaffUnit unit)
    {
        var estimate = ResourceParser.Parse(text);

        Assert.Equal([new StaffShare(unit, min, max)], estimate.Shares);
        Assert.False(estimate.Unsure);
        Assert.Equal(text, estimate.Text);
    }

    [Fact]
    public void Leaves_out_interested_members_who_are_not_staff()
    {
        var estimate = ResourceParser.Parse("Un/deux agent(s) de la Sous-direction de la facilitation et les Membres intéressés");

        Assert.Equal([new StaffShare(StaffUnit.Facilitation, 1, 2)], estimate.Shares);
        Assert.False(estimate.Unsure);
    }

    [Fact]
    public void Splits_officers_between_the_units_named()
    {
        var estimate = ResourceParser.Parse("Un/deux agent(s) de l’Unité de recherche, un/deux agent(s) de la Sous-direction de la facilitation, "
            + "un/deux agent(s) de la Sous-direction du contrôle et un/deux agent(s) de la Direction des questions tarifaires et commerciales");

        Assert.Equal([StaffUnit.Research, StaffUnit.Facilitation, StaffUnit.Control, StaffUnit.TariffAndTrade], estimate.Shares.Select(s => s.Unit!.Value));
        Assert.Equal((4m, 8m), (estimate.Min, estimate.Max));
        Assert.False(estimate.Unsure);
    }

    [Theory]
    [InlineData("Deux/trois agents de la Sous-direction de la facilitation et deux/trois agents de l’Unité événements", StaffUnit.Events, 4, 6)]
    [InlineData("Un/deux agent(s) de la Sous-direction de la facilitation et un agent du SIT", StaffUnit.InformationTechnology, 2, 3)]
    [InlineData("1 agent de la Sous-direction des procédures et de la facilitation, 1 agent de la Direction du renforcement des capacités", StaffUnit.CapacityBuilding, 2, 2)]
    [InlineData("Deux/trois fonctionnaires de la Sous-Direction Facilitation et un/deux fonctionnaires de l’équipe CLiKC!, DRC", StaffUnit.CapacityBuilding, 3, 5)]
    public void Reads_a_second_unit_after_the_facilitation_sub_directorate(string text, StaffUnit second, decimal min, decimal max)
    {
        var estimate = ResourceParser.Parse(text);

        Assert.Equal([StaffUnit.Facilitation, second], estimate.Shares.Select(s => s.Unit!.Value));
        Assert.Equal((min, max), (estimate.Min, estimate.Max));
    }

    [Fact]
    public void Gives_people_listed_before_a_unit_to_that_unit()
    {
        var estimate = ResourceParser.Parse("Un/deux fonctionnaires, un responsable de projet et un assistant de projet de la Sous-Direction Facilitation");

        Assert.All(estimate.Shares, s => Assert.Equal(StaffUnit.Facilitation, s.Unit));
        Assert.Equal((3m, 4m), (estimate.Min, estimate.Max));
        Assert.False(estimate.Unsure);
    }

    [Theory]
    [InlineData("Fonctionnaires de la Sous-Direction de l’Origine et de la Sous-Direction Facilitation et Membres interessés")]
    [InlineData("Fonctionnaires de la Sous-Direction de l’Origine")]
    [InlineData("Équipe en charge du projet COVID-19")]
    [InlineData("")]
    public void Is_unsure_when_the_text_gives_no_number_of_officers(string text)
    {
        var estimate = ResourceParser.Parse(text);

        Assert.True(estimate.Unsure);
        Assert.Empty(estimate.Shares);
        Assert.Equal(text, estimate.Text);
    }

    [Fact]
    public void Is_unsure_of_a_number_without_a_unit()
    {
        var estimate = ResourceParser.Parse("Deux agents");

        Assert.True(estimate.Unsure);
        Assert.Equal([new StaffShare(null, 2, 2)], estimate.Shares);
    }
}
