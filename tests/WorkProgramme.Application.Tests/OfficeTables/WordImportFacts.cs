using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;
using static WorkProgramme.Testing.WordFiles;

namespace WorkProgramme.Application.Tests.OfficeTables;

public sealed class WordImportFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<IReadOnlyList<ActivityRowView>> RowsAsync() =>
        (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!.Sections.SelectMany(s => s.Rows).ToList();

    private Task<Imported> ImportAsync(byte[] docx, bool apply) =>
        Imported.RunAsync(database, Viewer.Operator, SeedFile.PtcSlug, WordTableReader.Read(docx), apply);

    /// <summary>The row as the French document writes it, cell by cell in the template's column order.</summary>
    private static List<Cell> CellsOf(ActivityRowView row, int columns) =>
        Enum.GetValues<TableColumn>().Take(columns).Select(c => (Cell)(ProgrammeWorkbook.Text(row, c, Language.Fr) ?? "")).ToList();

    /// <summary>
    /// The seed's layout: headers with footnote numbers, questions and EXAMPLE rows, a renumbered row and a reworded title as
    /// tracked changes, a row deleted as a tracked change, and section II's own table.
    /// </summary>
    private async Task<byte[]> SeedLikeDocumentAsync()
    {
        var rows = await RowsAsync();
        var first = rows.Single(r => r.Section == Section.TimeBound && r.Number == 1);
        var second = rows.Single(r => r.Section == Section.TimeBound && r.Number == 2);
        var permanent = rows.Single(r => r.Section == Section.Permanent && r.Number == 1);
        var renumbered = CellsOf(second, 12);
        renumbered[0] = new Cell([("3", Change.Deleted), ("2", Change.Inserted), (".", Change.None)]);
        renumbered[3] = new Cell([("Prendre note de ", Change.Deleted), (second.Title.Fr!, Change.None), (" et le publier", Change.Inserted)]);
        var permanentCells = CellsOf(permanent, 11);
        permanentCells[1] = "C";
        return Document(
            new SectionTable("I. Activités entreprises dans un délai spécifique", TimeBoundHeadersFr,
            [
                Questions(12), Example(12),
                new Row(CellsOf(first, 12)),
                new Row(renumbered),
                new Row(Enumerable.Range(0, 12).Select(i => (Cell)(i == 0 ? "3." : i == 3 ? "Activité supprimée" : "")).ToList(), Deleted: true),
            ]),
            new SectionTable("II. Activités permanentes", PermanentHeadersFr, [Questions(11), Example(11), new Row(permanentCells)]));
    }

    [Fact]
    public async Task A_document_in_the_seeds_layout_is_read_with_tracked_changes_accepted()
    {
        var read = WordTableReader.Read(await SeedLikeDocumentAsync());

        Assert.Empty(read.Problems);
        Assert.Equal(Language.Fr, read.Language);
        Assert.Equal([("2.", Section.TimeBound), ("1", Section.TimeBound), ("1", Section.Permanent)],
            read.Rows.Select(r => (r.Cell(TableColumn.Number)!, r.Section)).OrderBy(r => r.Section).ThenByDescending(r => r.Item1).ToList());
        var reworded = read.Rows.Single(r => r.Cell(TableColumn.Number) == "2.").Cell(TableColumn.Activity)!;
        Assert.EndsWith(" et le publier", reworded, StringComparison.Ordinal);
        Assert.DoesNotContain("Prendre note", reworded, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Rows, r => r.Cell(TableColumn.Activity) == "Activité supprimée");
    }

    [Fact]
    public async Task The_preview_says_what_would_change_and_apply_changes_it_all_at_once()
    {
        var document = await SeedLikeDocumentAsync();
        var before = await database.ContentHashAsync();

        var preview = await ImportAsync(document, apply: false);

        Assert.True(preview.Previewed);
        Assert.Equal([("I.1", ImportTable.ChangeKind.Unchanged), ("I.2", ImportTable.ChangeKind.Changed), ("II.1", ImportTable.ChangeKind.Changed)],
            preview.Changes.Select(c => (c.Reference, c.Kind)).ToList());
        Assert.Equal([TableColumn.Activity], preview.Changes[1].Columns);
        Assert.Equal([TableColumn.Priority], preview.Changes[2].Columns);
        Assert.Equal(before, await database.ContentHashAsync());

        var applied = await ImportAsync(document, apply: true);

        Assert.True(applied.Applied);
        var rows = await RowsAsync();
        Assert.EndsWith(" et le publier", rows.Single(r => r.Section == Section.TimeBound && r.Number == 2).Title.Fr, StringComparison.Ordinal);
        Assert.Equal(Priority.C, rows.Single(r => r.Section == Section.Permanent && r.Number == 1).Priority);
    }

    [Fact]
    public async Task A_document_without_the_programme_table_is_refused_and_changes_nothing()
    {
        var before = await database.ContentHashAsync();
        var unrelated = Document(new SectionTable("Ordre du jour", ["Point", "Document"], [new Row(["1", "PC0756"])]));

        var outcome = await ImportAsync(unrelated, apply: true);

        Assert.Equal(FailureKind.Invalid, outcome.Failure);
        Assert.Equal("file: No table of the document has the programme's headers (No., Activities…).", outcome.Problems.Single().Describe(Language.En));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Headers_are_recognised_in_english_too()
    {
        var rows = await RowsAsync();
        var first = rows.Single(r => r.Section == Section.TimeBound && r.Number == 1);
        var headers = Enum.GetValues<TableColumn>().Take(12).Select(c => ProgrammeTable.Headers[c].En! + (c == TableColumn.Activity ? "2" : "")).ToList();
        var cells = Enum.GetValues<TableColumn>().Take(12).Select(c => (Cell)(ProgrammeWorkbook.Text(first, c, Language.En) ?? "")).ToList();
        var document = Document(new SectionTable("I. Time-bound activities", headers, [new Row(cells)]));

        var outcome = await ImportAsync(document, apply: false);

        Assert.True(outcome.Previewed);
        Assert.Equal(("I.1", ImportTable.ChangeKind.Unchanged), (outcome.Changes.Single().Reference, outcome.Changes.Single().Kind));
    }

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Our_own_word_annex_imported_again_changes_nothing(Language language)
    {
        var annex = await database.RunAsync<Features.Documents.ExportAnnex.Handler, Features.Documents.ExportAnnex.File?>(h =>
            h.DocxAsync(new(Viewer.Operator, SeedFile.PtcSlug, language), CancellationToken.None));
        var before = await database.ContentHashAsync();

        var read = WordTableReader.Read(annex!.Content);
        var preview = await ImportAsync(annex.Content, apply: false);

        // The programme's columns come back as they left (status and execution level belong to the reports and are not read);
        // a text missing in this language comes back as the "[FR]"/"[EN]" fallback the exporter wrote, and is left alone.
        Assert.Empty(read.Problems);
        Assert.Equal(language, read.Language);
        Assert.True(preview.Problems.Count == 0, string.Join("\n", preview.Problems.Select(p => p.Describe(Language.En))));
        Assert.True(preview.Previewed);
        Assert.Equal(94, preview.Changes.Count);
        Assert.All(preview.Changes, change => Assert.True(change.Kind == ImportTable.ChangeKind.Unchanged,
            $"{change.Reference}: {change.Kind} {string.Join(", ", change.Columns)}"));
        Assert.Equal(before, await database.ContentHashAsync());
    }
}
