using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class ActivityReferencesFacts
{
    private static Programme Ptc() => new("ptc-2022-2025", "CTP", 2022, 2025, BilingualText.French("Programme de travail"));

    /// <summary>A draft with three permanent rows; the third refers to the second ("voir l'activité 2").</summary>
    private static (Programme Programme, ProgrammeVersion Version, Guid[] Ids) ThreeRows()
    {
        var programme = Ptc();
        var version = programme.AddVersion("2023-10", null, "ctp-241-242");
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        for (var i = 0; i < 3; i++)
        {
            version.AddActivity(ids[i], Build.Content(Section.Permanent, i + 1));
        }

        var referring = version.Activities.Single(a => a.ActivityId == ids[2]).Content;
        version.ReviseActivity(ids[2], new VersionReferences(version).LinkMentions(referring with
        {
            Kpi = new BilingualText("Bilan : voir l’activité 2 ci-dessous", "Review: see activity No. 2 below"),
        }));
        return (programme, version, ids);
    }

    private static string Kpi(ProgrammeVersion version, Guid row, Language language) =>
        ActivityReferences.Render(version.Activities.Single(a => a.ActivityId == row).Kpi, (id, l) => ActivityReferenceNumbers.Text(version, id, l))
            .In(language)!;

    [Fact]
    public void Plain_mentions_become_tokens_naming_the_activity_and_the_words_stay()
    {
        var (_, version, ids) = ThreeRows();
        var kpi = version.Activities.Single(a => a.ActivityId == ids[2]).Kpi;

        Assert.Equal($"Bilan : voir l’activité {ActivityReferences.Token(ids[1])} ci-dessous", kpi.Fr);
        Assert.Equal($"Review: see activity No. {ActivityReferences.Token(ids[1])} below", kpi.En);
        Assert.Equal([ids[1]], version.Activities.Single(a => a.ActivityId == ids[2]).References);
    }

    [Fact]
    public void A_mention_of_a_number_no_activity_has_is_left_as_written() =>
        Assert.Equal("voir l’activité 9", ActivityReferences.Link("voir l’activité 9", _ => null));

    [Fact]
    public void Dates_and_other_numbers_are_not_mentions() =>
        Assert.Empty(ActivityReferences.Mentions("Il est prévu de démarrer cette activité en juin 2024 ; activités 2024."));

    [Fact]
    public void After_MoveActivity_the_reference_shows_the_new_number()
    {
        var (_, version, ids) = ThreeRows();
        Assert.Equal("Bilan : voir l’activité 2 ci-dessous", Kpi(version, ids[2], Language.Fr));

        version.MoveActivity(ids[1], 1);

        Assert.Equal("Bilan : voir l’activité 1 ci-dessous", Kpi(version, ids[2], Language.Fr));
        Assert.Equal("Review: see activity No. 1 below", Kpi(version, ids[2], Language.En));
    }

    [Fact]
    public void After_retiring_a_row_above_the_reference_follows_the_renumbering()
    {
        var (_, version, ids) = ThreeRows();

        version.Retire(ids[0]);

        Assert.Equal("Bilan : voir l’activité 1 ci-dessous", Kpi(version, ids[2], Language.Fr));
    }

    [Fact]
    public void In_a_new_revision_the_reference_shows_each_version_its_own_number()
    {
        var (programme, version, ids) = ThreeRows();
        version.Endorse("ctp-241-242");
        var draft = programme.StartRevision("2024-04", "PC0756", "ctp-243-244");

        draft.Retire(ids[0]);

        Assert.Equal("Bilan : voir l’activité 2 ci-dessous", Kpi(version, ids[2], Language.Fr));
        Assert.Equal("Bilan : voir l’activité 1 ci-dessous", Kpi(draft, ids[2], Language.Fr));
    }

    [Fact]
    public void A_reference_to_a_retired_activity_is_flagged_and_shows_its_former_number()
    {
        var (_, version, ids) = ThreeRows();

        version.Retire(ids[1]);

        var flagged = ProgrammeRules.Check(version.Activities, _ => null).Where(v => v.Rule == RuleCode.ReferenceToRetiredActivity).ToList();
        var violation = Assert.Single(flagged);
        Assert.Equal((ids[2], Severity.Warning), (violation.ActivityId!.Value, violation.Severity));
        Assert.Equal("Bilan : voir l’activité 2 (retirée) ci-dessous", Kpi(version, ids[2], Language.Fr));
        Assert.Equal("Review: see activity No. 2 (retired) below", Kpi(version, ids[2], Language.En));
    }

    [Fact]
    public void A_live_reference_is_not_flagged()
    {
        var (_, version, _) = ThreeRows();

        Assert.DoesNotContain(ProgrammeRules.Check(version.Activities, _ => null), v => v.Rule == RuleCode.ReferenceToRetiredActivity);
    }

    [Fact]
    public void A_reference_reads_as_its_section_and_number_in_an_edit_form_and_comes_back_as_the_same_token()
    {
        var (_, version, ids) = ThreeRows();
        var stored = version.Activities.Single(a => a.ActivityId == ids[2]).Kpi;
        var shown = ActivityReferences.Render(stored, (id, _) => ActivityReferences.EditableToken(new VersionReferences(version).LabelOf(id)!));
        var unknown = new List<string>();

        var back = ActivityReferences.FromEditable(shown, new VersionReferences(version).ActivityLabelled, unknown);

        Assert.Equal("Bilan : voir l’activité [[II.2]] ci-dessous", shown.Fr);
        Assert.Equal("Review: see activity No. [[II.2]] below", shown.En);
        Assert.Equal(stored, back);
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("voir [[II.9]]", "[[II.9]]")]
    [InlineData("voir [[I.1]]", "[[I.1]]")]
    public void A_label_that_names_no_live_activity_is_reported_and_left_as_written(string text, string label)
    {
        var (_, version, _) = ThreeRows();
        var unknown = new List<string>();

        Assert.Equal(text, ActivityReferences.FromEditable(text, new VersionReferences(version).ActivityLabelled, unknown));
        Assert.Equal([label], unknown);
    }

    [Theory]
    [InlineData("[[III.2]]")]
    [InlineData("[[II.0]]")]
    [InlineData("[[II.2 ]]")]
    [InlineData("[II.2]")]
    public void Text_that_only_looks_like_a_label_is_plain_text(string text)
    {
        var (_, version, _) = ThreeRows();
        var unknown = new List<string>();

        Assert.Equal(text, ActivityReferences.FromEditable(text, new VersionReferences(version).ActivityLabelled, unknown));
        Assert.Empty(unknown);
    }

    [Fact]
    public void A_retired_activity_has_no_label_and_keeps_its_token()
    {
        var (_, version, ids) = ThreeRows();

        version.Retire(ids[1]);

        Assert.Null(new VersionReferences(version).LabelOf(ids[1]));
        Assert.Equal("II.2", new VersionReferences(version).LabelOf(ids[2]));
        Assert.Equal(ids[2], new VersionReferences(version).ActivityLabelled("II.2"));
        Assert.Null(new VersionReferences(version).ActivityLabelled("II.3"));
    }
}
