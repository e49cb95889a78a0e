using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class TranslationDriftFacts
{
    private static (Programme Programme, ProgrammeVersion Version, Guid Id) OneRow()
    {
        var programme = new Programme("ptc-2022-2025", "CTP", 2022, 2025, BilingualText.French("Programme de travail"));
        var version = programme.AddVersion("2024-04", null, "ctp-243-244");
        var id = Guid.NewGuid();
        version.AddActivity(id, Build.Content());
        return (programme, version, id);
    }

    private static ActivityVersion Row(ProgrammeVersion version, Guid id) => version.Activities.Single(a => a.ActivityId == id);

    [Fact]
    public void A_new_row_has_no_drift()
    {
        var (_, version, id) = OneRow();

        Assert.Empty(Row(version, id).OutdatedTranslations);
    }

    [Fact]
    public void Editing_the_French_only_flags_the_English_outdated()
    {
        var (_, version, id) = OneRow();

        version.ReviseActivity(id, Row(version, id).Content with { Title = new BilingualText("Élaborer et publier des orientations", "Develop guidance") });

        Assert.Equal([new OutdatedTranslation(TextField.Title, Language.En)], Row(version, id).OutdatedTranslations);
        var violation = Assert.Single(ProgrammeRules.Check(version.Activities, _ => null), v => v.Rule == RuleCode.TranslationOutdated);
        Assert.Equal(Severity.Warning, violation.Severity);
        Assert.Contains("activité (EN)", violation.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_the_English_only_flags_the_French_outdated()
    {
        var (_, version, id) = OneRow();

        version.ReviseActivity(id, Row(version, id).Content with { Kpi = new BilingualText("Orientations adoptées", "Guidance adopted by the PTC") });

        Assert.Equal([new OutdatedTranslation(TextField.Kpi, Language.Fr)], Row(version, id).OutdatedTranslations);
    }

    [Fact]
    public void Updating_the_outdated_side_clears_the_flag()
    {
        var (_, version, id) = OneRow();
        version.ReviseActivity(id, Row(version, id).Content with { Title = new BilingualText("Élaborer et publier des orientations", "Develop guidance") });

        version.ReviseActivity(id, Row(version, id).Content with { Title = new BilingualText("Élaborer et publier des orientations", "Develop and publish guidance") });

        Assert.Empty(Row(version, id).OutdatedTranslations);
    }

    [Fact]
    public void Editing_both_languages_at_once_leaves_no_drift()
    {
        var (_, version, id) = OneRow();

        version.ReviseActivity(id, Row(version, id).Content with { Title = new BilingualText("Publier des orientations", "Publish guidance") });

        Assert.Empty(Row(version, id).OutdatedTranslations);
    }

    [Fact]
    public void A_side_still_missing_is_a_missing_translation_not_an_outdated_one()
    {
        var (_, version, id) = OneRow();

        version.ReviseActivity(id, Row(version, id).Content with { Resources = new BilingualText("Deux agents", null) });

        Assert.Empty(Row(version, id).OutdatedTranslations);
    }

    [Fact]
    public void Confirming_clears_the_drift_and_counts_as_a_change_of_the_row()
    {
        var (_, version, id) = OneRow();
        version.ReviseActivity(id, Row(version, id).Content with { Title = new BilingualText("Élaborer et publier des orientations", "Develop guidance") });
        var before = Row(version, id).RowVersion;

        Assert.True(version.ConfirmTranslations(id));

        Assert.Empty(Row(version, id).OutdatedTranslations);
        Assert.Equal(before + 1, Row(version, id).RowVersion);
        Assert.False(version.ConfirmTranslations(id));
    }

    [Fact]
    public void Renumbering_does_not_touch_the_drift_and_a_new_revision_carries_it()
    {
        var (programme, version, id) = OneRow();
        var other = Guid.NewGuid();
        version.AddActivity(other, Build.Content(number: 2));
        version.ReviseActivity(id, Row(version, id).Content with { Title = new BilingualText("Élaborer et publier des orientations", "Develop guidance") });
        version.MoveActivity(id, 2);
        Assert.Single(Row(version, id).OutdatedTranslations);

        version.Endorse("ctp-243-244");
        var draft = programme.StartRevision("2024-10", null, null);

        Assert.Equal([new OutdatedTranslation(TextField.Title, Language.En)], Row(draft, id).OutdatedTranslations);
    }
}
