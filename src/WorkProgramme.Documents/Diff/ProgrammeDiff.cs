using System.Globalization;
using DiffPlex;

namespace WorkProgramme.Documents.Diff;

/// <summary>One activity's rows in two versions: null on the side it is not in.</summary>
public sealed record RowPair<TRow>(TRow? Old, TRow? New)
    where TRow : class;

/// <summary>
/// The alignment of two versions' rows by stable activity id, computed once (DiffPlex over the ids) and read two ways:
/// <see cref="Sequence"/> for a document that shows both versions in one table without moving rows (the Word redline),
/// <see cref="Activities"/> for a report with one entry per activity (the compare page, <c>wp compare</c>, the API).
/// </summary>
public sealed class ProgrammeDiff<TRow>
    where TRow : class
{
    internal ProgrammeDiff(IReadOnlyList<TRow> older, IReadOnlyList<TRow> newer, Func<TRow, Guid> id)
    {
        Sequence = Align(older, newer, id);
        activities = new Lazy<IReadOnlyList<RowPair<TRow>>>(() => ByActivity(Sequence, older, newer, id));
    }

    private readonly Lazy<IReadOnlyList<RowPair<TRow>>> activities;

    /// <summary>
    /// Both versions' rows in one order: the longest run of rows kept in the same order is paired; what is left of the
    /// older version is deleted where it stood, of the newer inserted where it stands (deletions first). A row that moved
    /// is therefore deleted where it stood and inserted where it stands.
    /// </summary>
    public IReadOnlyList<RowPair<TRow>> Sequence { get; }

    /// <summary>
    /// One pair per activity, in the newer version's order: a row that moved is paired where it stands, a row only in the
    /// older version stays where the <see cref="Sequence"/> put it (after the row that preceded it).
    /// </summary>
    public IReadOnlyList<RowPair<TRow>> Activities => activities.Value;

    private static List<RowPair<TRow>> Align(IReadOnlyList<TRow> older, IReadOnlyList<TRow> newer, Func<TRow, Guid> id)
    {
        var diff = Differ.Instance.CreateDiffs(Ids(older, id), Ids(newer, id), false, false, IdChunks.Instance);
        var sequence = new List<RowPair<TRow>>(older.Count + newer.Count);
        int x = 0, y = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (x < block.DeleteStartA)
            {
                sequence.Add(new RowPair<TRow>(older[x++], newer[y++]));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                sequence.Add(new RowPair<TRow>(older[x++], null));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                sequence.Add(new RowPair<TRow>(null, newer[y++]));
            }
        }

        while (x < older.Count)
        {
            sequence.Add(new RowPair<TRow>(older[x++], newer[y++]));
        }

        return sequence;
    }

    private static List<RowPair<TRow>> ByActivity(IReadOnlyList<RowPair<TRow>> sequence, IReadOnlyList<TRow> older,
        IReadOnlyList<TRow> newer, Func<TRow, Guid> id)
    {
        var oldById = older.ToDictionary(id);
        var newIds = newer.Select(id).ToHashSet();
        var activities = new List<RowPair<TRow>>(sequence.Count);
        foreach (var pair in sequence)
        {
            switch (pair)
            {
                case { Old: null, New: { } added }:
                    activities.Add(new RowPair<TRow>(oldById.GetValueOrDefault(id(added)), added));
                    break;
                case { Old: { } retired, New: null } when newIds.Contains(id(retired)):
                    // Moved: paired where it stands in the newer version.
                    break;
                default:
                    activities.Add(pair);
                    break;
            }
        }

        return activities;
    }

    private static string Ids(IReadOnlyList<TRow> rows, Func<TRow, Guid> id) =>
        string.Join('\n', rows.Select(r => id(r).ToString("N", CultureInfo.InvariantCulture)));

    /// <summary>One chunk per id, so the diff runs over rows rather than characters.</summary>
    private sealed class IdChunks : IChunker
    {
        public static readonly IdChunks Instance = new();

        public IReadOnlyList<string> Chunk(string str) => str.Length == 0 ? [] : str.Split('\n');
    }
}

/// <summary>Builds a <see cref="ProgrammeDiff{TRow}"/>.</summary>
public static class ProgrammeDiff
{
    /// <summary>The alignment of <paramref name="older"/> and <paramref name="newer"/>, each in its document order.</summary>
    public static ProgrammeDiff<TRow> Create<TRow>(IReadOnlyList<TRow> older, IReadOnlyList<TRow> newer, Func<TRow, Guid> id)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(id);
        return new ProgrammeDiff<TRow>(older, newer, id);
    }
}
