using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Domain.Tests.Programmes;

public sealed class RevisionFacts
{
    private static (Programme Programme, ProgrammeVersion Approved, Guid[] Ids) ApprovedProgramme()
    {
        var programme = new Programme("ptc-2022-2025", "CTP", 2022, 2025, BilingualText.French("Programme de travail"));
        var version = programme.AddVersion("2023-10", null, "ctp-241-242");
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 3; i++)
        {
            version.AddActivity(ids[i], Build.Content(number: i + 1));
        }

        version.AddActivity(ids[3], Build.Content(Section.Permanent, number: 1));
        version.Endorse("ctp-241-242");
        version.Approve("conseil-141-142");
        return (programme, version, ids);
    }

    private static ActivityVersion Row(ProgrammeVersion version, Guid id) => version.Activities.Single(a => a.ActivityId == id);

    [Fact]
    public void A_revision_is_a_draft_copy_of_the_latest_version_with_its_numbers_as_previous_numbers()
    {
        var (programme, approved, ids) = ApprovedProgramme();

        var draft = programme.StartRevision("2024-04", "PC0756", "ctp-243-244");

        Assert.Equal((VersionState.Draft, 2), (draft.State, draft.Sequence));
        Assert.Equal(approved.Activities.Select(a => (a.ActivityId, a.Section, a.Number, a.Title)),
            draft.Activities.OrderBy(a => a.SortKey).Select(a => (a.ActivityId, a.Section, a.PreviousNumber, a.Title)));
        Assert.All(draft.Activities, a => Assert.Equal(RevisionKind.Unchanged, a.Revision));
        Assert.Same(draft, programme.Latest);
        Assert.Equal(3, Row(approved, ids[2]).Number);
    }

    [Fact]
    public void A_revision_leaves_out_the_rows_retired_in_the_version_it_revises()
    {
        var (programme, _, ids) = ApprovedProgramme();
        var first = programme.StartRevision("2024-04", null, null);
        first.Retire(ids[0]);
        first.Endorse("ctp-243-244");
        first.Approve("conseil-143-144");

        var second = programme.StartRevision("2025-04", null, null);

        Assert.DoesNotContain(second.Activities, a => a.ActivityId == ids[0]);
        Assert.Equal((1, 1), (Row(second, ids[1]).Number, Row(second, ids[1]).PreviousNumber));
    }

    [Fact]
    public void Only_one_revision_is_in_progress_at_a_time()
    {
        var (programme, _, _) = ApprovedProgramme();
        programme.StartRevision("2024-04", null, null);

        var refused = Assert.Throws<DomainException>(() => programme.StartRevision("2024-10", null, null));
        Assert.Contains("2024-04", refused.MessageFor(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void A_programme_without_a_version_has_nothing_to_revise() =>
        Assert.Throws<DomainException>(() =>
            new Programme("p", "CTP", 2022, 2025, BilingualText.French("x")).StartRevision("2024-04", null, null));

    [Fact]
    public void Editing_a_revision_never_touches_the_approved_version()
    {
        var (programme, approved, ids) = ApprovedProgramme();
        var draft = programme.StartRevision("2024-04", null, null);

        draft.ReviseActivity(ids[1], Row(draft, ids[1]).Content with { Title = BilingualText.French("Nouvel intitulé") });
        draft.Retire(ids[0]);

        Assert.Equal("Élaborer des orientations", Row(approved, ids[1]).Title.Fr);
        Assert.False(Row(approved, ids[0]).IsDeleted);
    }

    [Fact]
    public void Moving_a_row_recomputes_the_numbers_of_its_section_and_marks_the_moved_rows_renumbered()
    {
        var (programme, _, ids) = ApprovedProgramme();
        var draft = programme.StartRevision("2024-04", null, null);

        draft.MoveActivity(ids[2], 1);

        Assert.Equal([(ids[2], 1, 3), (ids[0], 2, 1), (ids[1], 3, 2)],
            draft.Activities.Where(a => a.Section == Section.TimeBound).OrderBy(a => a.Position)
                .Select(a => (a.ActivityId, a.Number!.Value, a.PreviousNumber!.Value)));
        Assert.All(draft.Activities.Where(a => a.Section == Section.TimeBound), a => Assert.Equal(RevisionKind.Renumbered, a.Revision));
        Assert.Equal((1, RevisionKind.Unchanged), (Row(draft, ids[3]).Number!.Value, Row(draft, ids[3]).Revision));

        draft.MoveActivity(ids[2], 3);
        Assert.All(draft.Activities, a => Assert.Equal(RevisionKind.Unchanged, a.Revision));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Refuses_a_place_outside_the_section(int number)
    {
        var (programme, _, ids) = ApprovedProgramme();
        var draft = programme.StartRevision("2024-04", null, null);

        Assert.Throws<DomainException>(() => draft.MoveActivity(ids[0], number));
    }

    [Fact]
    public void A_new_activity_takes_the_next_number_and_retiring_one_closes_the_gap()
    {
        var (programme, _, ids) = ApprovedProgramme();
        var draft = programme.StartRevision("2024-04", null, null);
        var added = Guid.NewGuid();

        draft.AddNewActivity(added, Build.Content());
        draft.Retire(ids[1]);

        Assert.Equal((3, RevisionKind.New), (Row(draft, added).Number!.Value, Row(draft, added).Revision));
        Assert.Equal((2, 3, RevisionKind.Renumbered), (Row(draft, ids[2]).Number!.Value, Row(draft, ids[2]).PreviousNumber!.Value, Row(draft, ids[2]).Revision));
    }

    [Fact]
    public void Adoption_is_recorded_in_order_with_its_sessions()
    {
        var (programme, _, _) = ApprovedProgramme();
        var draft = programme.StartRevision("2024-04", null, null);

        Assert.Throws<DomainException>(() => draft.Approve("conseil-143-144"));
        draft.Endorse("ctp-243-244");
        Assert.Throws<DomainException>(() => draft.Endorse("ctp-243-244"));
        draft.Approve("conseil-143-144");

        Assert.Equal((VersionState.Approved, "ctp-243-244", "conseil-143-144"), (draft.State, draft.EndorsedAt, draft.ApprovedAt));
        Assert.Throws<DomainException>(() => draft.Approve("conseil-145-146"));
        Assert.Throws<DomainException>(() => draft.Endorse(" "));
    }

    [Fact]
    public void An_approved_version_refuses_every_change()
    {
        var (_, approved, ids) = ApprovedProgramme();

        Assert.Throws<DomainException>(() => approved.ReviseActivity(ids[0], Build.Content() with { Title = BilingualText.French("Autre") }));
        Assert.Throws<DomainException>(() => approved.Retire(ids[0]));
        Assert.Throws<DomainException>(() => approved.AddNewActivity(Guid.NewGuid(), Build.Content()));
        Assert.Throws<DomainException>(() => approved.MoveActivity(ids[2], 1));
        Assert.Throws<DomainException>(() => approved.Describe("PC0999", null));
        Assert.Throws<DomainException>(() => approved.Endorse("ctp-243-244"));
        Assert.True(approved.IsFrozen);
    }
}
