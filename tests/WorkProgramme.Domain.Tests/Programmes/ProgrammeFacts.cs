using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Tests.Programmes;

public sealed class ProgrammeFacts
{
    private static Programme Ptc() => new("ptc-2022-2025", "CTP", 2022, 2025, BilingualText.French("Programme de travail"));

    [Theory]
    [InlineData("PTC 2022")]
    [InlineData("ptc/2022")]
    [InlineData("")]
    public void Refuses_slugs_that_cannot_stand_in_a_url(string slug) =>
        Assert.Throws<DomainException>(() => new Programme(slug, "CTP", 2022, 2025, BilingualText.French("x")));

    [Fact]
    public void Refuses_a_period_that_ends_before_it_starts() =>
        Assert.Throws<DomainException>(() => new Programme("p", "CTP", 2025, 2022, BilingualText.French("x")));

    [Fact]
    public void Numbers_versions_in_order_and_refuses_a_duplicate_label()
    {
        var programme = Ptc();
        var first = programme.AddVersion("2023-10", null, "ctp-241-242");
        var second = programme.AddVersion("2024-04", "PC0756", "ctp-243-244");

        Assert.Equal((1, 2), (first.Sequence, second.Sequence));
        Assert.Equal(VersionState.Draft, second.State);
        Assert.Throws<DomainException>(() => programme.AddVersion("2024-04", null, null));
    }

    [Fact]
    public void A_version_moves_forward_only_and_is_frozen_once_approved()
    {
        var version = Ptc().AddVersion("2024-04", "PC0756", "ctp-243-244");
        var activity = Guid.NewGuid();
        version.AddActivity(activity, Build.Content());

        Assert.Throws<DomainException>(() => version.Approve("conseil-145-146"));
        version.Endorse("ctp-243-244");
        Assert.Throws<DomainException>(() => version.Endorse("ctp-243-244"));
        version.Approve("conseil-145-146");
        Assert.Throws<DomainException>(() => version.Approve("conseil-145-146"));

        Assert.Throws<DomainException>(() => version.AddActivity(Guid.NewGuid(), Build.Content(number: 2)));
        Assert.Throws<DomainException>(() => version.ReviseActivity(activity, Build.Content() with { Priority = null }));
        Assert.Throws<DomainException>(() => version.RemoveActivity(activity));
        version.ReviseActivity(activity, Build.Content());
    }

    [Fact]
    public void Only_a_draft_takes_a_file_and_a_file_that_says_what_a_version_says_changes_nothing()
    {
        var version = Ptc().AddVersion("2024-04", "PC0756", "ctp-243-244");
        var (kept, dropped) = (Guid.NewGuid(), Guid.NewGuid());
        var taken = version.TakeFile("PC0756", "ctp-243-244",
            [new ImportedRow(kept, Build.Content()), new ImportedRow(dropped, Build.Content(number: 2))], (_, refused) => throw refused);
        version.Endorse("ctp-243-244");

        var same = version.TakeFile("PC0756", "ctp-243-244",
            [new ImportedRow(kept, Build.Content()), new ImportedRow(dropped, Build.Content(number: 2))], (_, refused) => throw refused);
        var emptied = Assert.Throws<DomainException>(() => version.TakeFile("PC0756", "ctp-243-244", [], (_, refused) => throw refused));

        Assert.Equal(2, taken.Added.Count);
        Assert.False(same.Any);
        Assert.Contains("an import never changes it", emptied.MessageFor(Language.En), StringComparison.Ordinal);
        Assert.Equal(2, version.Activities.Count);
        Assert.Equal(new[] { dropped }, version.ChangesFrom("PC0756", "ctp-243-244", [new ImportedRow(kept, Build.Content())]).Removed);
    }

    [Fact]
    public void A_version_holds_an_activity_once()
    {
        var version = Ptc().AddVersion("2024-04", null, null);
        var activity = Guid.NewGuid();
        version.AddActivity(activity, Build.Content());

        Assert.Throws<DomainException>(() => version.AddActivity(activity, Build.Content(number: 2)));
    }

    [Fact]
    public void Keeps_rows_in_document_order_with_deleted_rows_where_they_stood()
    {
        var version = Ptc().AddVersion("2024-04", null, null);
        var tenth = version.AddActivity(Guid.NewGuid(), Build.Content(number: 10));
        var permanent = version.AddActivity(Guid.NewGuid(), Build.Content(Section.Permanent, 1));
        var deleted = version.AddActivity(Guid.NewGuid(), Build.Content() with { Number = null, PreviousNumber = 11, Revision = RevisionKind.Deleted });
        var renumbered = version.AddActivity(Guid.NewGuid(), Build.Content() with { Number = 11, PreviousNumber = 12, Revision = RevisionKind.Renumbered });

        Assert.Equal([tenth, deleted, renumbered, permanent], version.Activities.OrderBy(a => a.SortKey));

        version.Reorder([renumbered.ActivityId, tenth.ActivityId]);
        Assert.Equal([renumbered, tenth, deleted], version.Activities.Where(a => a.Section == Section.TimeBound).OrderBy(a => a.SortKey));
    }

    [Theory]
    [InlineData(Language.En, "243rd/244th")]
    [InlineData(Language.Fr, "243e/244e")]
    public void Names_session_ordinals_in_each_language(Language language, string expected) =>
        Assert.Equal(expected, new Session("ctp-243-244", "CTP", [243, 244], 2024, 4, Season.Spring).OrdinalLabel(language));

    [Theory]
    [InlineData(111, "111th")]
    [InlineData(141, "141st")]
    [InlineData(142, "142nd")]
    public void Uses_english_ordinal_suffixes(int ordinal, string expected) =>
        Assert.Equal(expected, new Session("x", "Conseil", [ordinal], 2023, 6).OrdinalLabel(Language.En));

    [Fact]
    public void Refuses_a_session_without_ordinal_or_in_an_impossible_month()
    {
        Assert.Throws<DomainException>(() => new Session("x", "CTP", [], 2024, 4));
        Assert.Throws<DomainException>(() => new Session("x", "CTP", [1], 2024, 13));
    }

    [Fact]
    public void Retiring_keeps_the_row_unnumbered_and_moves_the_following_rows_up()
    {
        var version = Ptc().AddVersion("2024-04", null, null);
        var rows = Enumerable.Range(1, 4).Select(n => version.AddActivity(Guid.NewGuid(), Build.Content(number: n))).ToList();
        var permanent = version.AddActivity(Guid.NewGuid(), Build.Content(Section.Permanent, 3));

        var retired = version.Retire(rows[1].ActivityId);

        Assert.Equal((null, 2, RevisionKind.Deleted), (retired.Number, retired.PreviousNumber, retired.Revision));
        Assert.Equal([(1, RevisionKind.Unchanged), (2, RevisionKind.Renumbered), (3, RevisionKind.Renumbered)],
            new[] { rows[0], rows[2], rows[3] }.Select(r => (r.Number!.Value, r.Revision)));
        Assert.Equal([3, 4], new[] { rows[2], rows[3] }.Select(r => r.PreviousNumber!.Value));
        Assert.Equal(3, permanent.Number);
        Assert.True(rows[2].RowVersion > 1);
        Assert.Throws<DomainException>(() => version.Retire(rows[1].ActivityId));
    }

    [Fact]
    public void A_new_activity_takes_the_next_number_of_its_section()
    {
        var version = Ptc().AddVersion("2024-04", null, null);
        version.AddActivity(Guid.NewGuid(), Build.Content(number: 1));
        version.AddActivity(Guid.NewGuid(), Build.Content(number: 2));

        var added = version.AddNewActivity(Guid.NewGuid(), Build.Content(number: 99));

        Assert.Equal((3, (int?)null, RevisionKind.New), (added.Number!.Value, added.PreviousNumber, added.Revision));
    }

    [Fact]
    public void Revising_a_row_moves_its_row_version_on_only_when_something_changed()
    {
        var version = Ptc().AddVersion("2024-04", null, null);
        var id = Guid.NewGuid();
        var row = version.AddActivity(id, Build.Content());

        version.ReviseActivity(id, Build.Content());
        Assert.Equal(1, row.RowVersion);
        version.ReviseActivity(id, Build.Content() with { Priority = Priority.C });
        Assert.Equal(2, row.RowVersion);
    }
}
