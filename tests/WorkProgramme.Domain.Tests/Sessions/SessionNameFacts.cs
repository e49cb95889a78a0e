using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Tests.Sessions;

public sealed class SessionNameFacts
{
    private static readonly SessionName.BodyWords Ptc = new("CTP", new BilingualText("CTP", "PTC"), BodyKind.Committee);

    [Fact]
    public void A_pair_of_sessions_is_named_as_the_documents_write_it_in_each_language()
    {
        var name = SessionName.Of(new Session("ctp-243-244", "CTP", [243, 244], 2024, 4, Season.Spring), Ptc);

        Assert.Equal("243e/244e sessions du CTP (avril 2024)", name.Fr);
        Assert.Equal("243rd/244th Sessions of the PTC (April 2024)", name.En);
    }

    [Fact]
    public void One_session_is_singular_and_a_feminine_body_takes_its_article()
    {
        var policyCommission = new SessionName.BodyWords("CPG", new BilingualText("CPG", "PC"), BodyKind.PolicyCommission);

        var name = SessionName.Of([88], 2023, 6, policyCommission);

        Assert.Equal("88e session de la CPG (juin 2023)", name.Fr);
        Assert.Equal("88th Session of the PC (June 2023)", name.En);
    }

    [Fact]
    public void A_body_without_an_english_abbreviation_keeps_its_code_rather_than_an_invented_one()
    {
        var group = new SessionName.BodyWords("GT-MP", BilingualText.French("GT-MP"), BodyKind.WorkingGroup);

        Assert.Equal("1st Session of the GT-MP (March 2025)", SessionName.Of([1], 2025, 3, group, Language.En));
        Assert.Equal("1re session du GT-MP (mars 2025)", SessionName.Of([1], 2025, 3, group, Language.Fr));
    }
}
