using WorkProgramme.Documents.Diff;

namespace WorkProgramme.Documents.Tests.Diff;

public sealed class ProgrammeDiffFacts
{
    private sealed record Row(Guid Id, string Name);

    private static readonly Row A = new(Guid.NewGuid(), "A");
    private static readonly Row B = new(Guid.NewGuid(), "B");
    private static readonly Row C = new(Guid.NewGuid(), "C");
    private static readonly Row R = new(Guid.NewGuid(), "R");
    private static readonly Row X = new(Guid.NewGuid(), "X");

    private static ProgrammeDiff<Row> Diff(Row[] older, Row[] newer) => ProgrammeDiff.Create(older, newer, r => r.Id);

    private static string Show(IEnumerable<RowPair<Row>> pairs) => string.Join(" ", pairs.Select(p => p switch
    {
        { Old: null } => "+" + p.New!.Name,
        { New: null } => "-" + p.Old.Name,
        _ => p.Old.Name == p.New.Name ? p.New.Name : $"{p.Old.Name}>{p.New.Name}",
    }));

    public sealed class Sequence
    {
        [Fact]
        public void Pairs_rows_kept_in_order_and_puts_deletions_before_insertions_where_they_stood()
        {
            Assert.Equal("A -R +X B", Show(Diff([A, R, B], [A, X, B]).Sequence));
        }

        [Fact]
        public void Never_moves_a_row_a_row_out_of_order_is_deleted_where_it_stood_and_inserted_where_it_stands()
        {
            var sequence = Diff([A, B, C], [C, A, B]).Sequence;

            Assert.Equal("+C A B -C", Show(sequence));
        }

        [Fact]
        public void Two_empty_versions_have_an_empty_sequence()
        {
            Assert.Empty(Diff([], []).Sequence);
        }

        [Fact]
        public void A_version_against_nothing_is_all_insertions()
        {
            Assert.Equal("+A +B", Show(Diff([], [A, B]).Sequence));
        }
    }

    public sealed class Activities
    {
        [Fact]
        public void Gives_a_moved_row_once_paired_where_it_stands_in_the_newer_version()
        {
            Assert.Equal("C A B", Show(Diff([A, B, C], [C, A, B]).Activities));
        }

        [Fact]
        public void Keeps_a_retired_row_after_the_row_that_preceded_it_and_an_added_row_where_it_stands()
        {
            Assert.Equal("A -R +X B", Show(Diff([A, R, B], [A, X, B]).Activities));
        }

        [Fact]
        public void Puts_a_retired_first_row_before_the_newer_version_s_rows()
        {
            Assert.Equal("-R +X A", Show(Diff([R, A], [X, A]).Activities));
        }
    }
}
