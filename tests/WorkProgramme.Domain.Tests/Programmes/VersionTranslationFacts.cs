using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Domain.Tests.Programmes;

public sealed class VersionTranslationFacts
{
    private static (ProgrammeVersion Version, Guid Id) Version(BilingualText title)
    {
        var programme = new Programme("ptc", "CTP", 2022, 2025, BilingualText.French("Programme"));
        var version = programme.AddVersion("2024-04", null, null);
        var id = Guid.NewGuid();
        version.AddActivity(id, Build.Content() with { Title = title });
        return (version, id);
    }

    [Fact]
    public void A_translation_sets_one_language_and_clears_the_texts_drift_mark()
    {
        var (version, id) = Version(new BilingualText("Élaborer", "Develop"));
        version.ReviseActivity(id, version.Activities.Single().Content with { Title = new BilingualText("Élaborer et publier", "Develop") });
        Assert.NotEmpty(version.Activities.Single().OutdatedTranslations);

        Assert.True(version.Translate(id, TextField.Title, Language.En, "Develop and publish"));

        var row = version.Activities.Single();
        Assert.Equal(new BilingualText("Élaborer et publier", "Develop and publish"), row.Title);
        Assert.Empty(row.OutdatedTranslations);
    }

    [Fact]
    public void An_approved_version_takes_a_missing_translation_but_never_replaces_one()
    {
        var (version, id) = Version(BilingualText.French("Élaborer"));
        version.Endorse("ctp-243-244");
        version.Approve("conseil-141-142");

        Assert.True(version.Translate(id, TextField.Title, Language.En, "Develop"));
        var refused = Assert.Throws<DomainException>(() => version.Translate(id, TextField.Title, Language.En, "Elaborate"));

        Assert.Contains("approved", refused.Messages.En, StringComparison.Ordinal);
        Assert.Equal("Develop", version.Activities.Single().Title.En);
    }
}
