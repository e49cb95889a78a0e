using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Domain.Tests.Programmes;

public sealed class ProgrammeVisibilityFacts
{
    private sealed class Reader(params string[] bodiesWhoseDraftsItSees) : IProgrammeReader
    {
        public bool SeesDraftsOf(string bodyCode) => bodiesWhoseDraftsItSees.Contains(bodyCode);
    }

    /// <summary>An approved first version, an endorsed second one and a draft third one.</summary>
    private static Programme WithThreeVersions()
    {
        var programme = new Programme("ptc-2022-2025", "CTP", 2022, 2025, BilingualText.French("Programme de travail"));
        var first = programme.AddVersion("2023-10", null, null);
        first.Endorse("ctp-241-242");
        first.Approve("conseil-243");
        programme.AddVersion("2024-04", "PC0756", null).Endorse("ctp-243-244");
        programme.AddVersion("2024-10", null, null);
        return programme;
    }

    [Fact]
    public void The_public_sees_the_published_versions_newest_first_and_no_draft()
    {
        var visible = WithThreeVersions().VisibleTo(new Reader());

        Assert.Equal(["2024-04", "2023-10"], visible.Versions.Select(v => v.Label));
        Assert.Equal("2024-04", visible.Latest?.Label);
        Assert.False(visible.SeesDrafts);
    }

    [Fact]
    public void A_draft_is_hidden_by_name_from_whoever_does_not_see_the_bodys_drafts()
    {
        var visible = WithThreeVersions().VisibleTo(new Reader("Conseil"));

        Assert.Null(visible.Named("2024-10"));
        Assert.Equal("2023-10", visible.NamedOrLatest("2023-10")?.Label);
    }

    [Fact]
    public void The_secretariat_and_the_committee_see_the_draft_as_the_latest_version()
    {
        var programme = WithThreeVersions();
        var visible = programme.VisibleTo(new Reader("CTP"));

        Assert.Equal(["2024-10", "2024-04", "2023-10"], visible.Versions.Select(v => v.Label));
        Assert.Same(programme.Latest, visible.NamedOrLatest(null));
        Assert.True(visible.SeesDrafts);
    }

    [Fact]
    public void A_programme_with_only_a_draft_shows_the_public_nothing()
    {
        var programme = new Programme("p", "CTP", 2022, 2025, BilingualText.French("x"));
        programme.AddVersion("2023-10", null, null);

        Assert.Null(programme.VisibleTo(new Reader()).Latest);
    }
}
