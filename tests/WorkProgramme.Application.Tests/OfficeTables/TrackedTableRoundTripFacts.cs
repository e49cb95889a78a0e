using System.Diagnostics;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.OfficeTables;

/// <summary>
/// The tracked-changes reader on documents another program wrote: LibreOffice, driven through its UNO API by
/// scripts/libreoffice/uno-edit.py (Debian's python3-uno; scripts/test.sh installs LibreOffice). Our redline of the PTC's
/// revision 2023-10 → 2024-04 saved again by LibreOffice, and our plain annex edited in LibreOffice with change recording
/// on. Texts are compared after <see cref="TrackedTableReader.Comparable"/> (white space, typographic quotes).
/// </summary>
public sealed class TrackedTableRoundTripFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<byte[]> RedlineAsync(Language language) =>
        (await database.RunAsync<ExportRedline.Handler, ExportRedline.File?>(h => h.HandleAsync(
            new ExportRedline.Query(Viewer.Anonymous, SeedFile.PtcSlug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel, language),
            CancellationToken.None)))!.Content;

    private async Task<byte[]> PlainAsync(Language language, string version) =>
        (await database.RunAsync<ExportAnnex.Handler, ExportAnnex.File?>(h =>
            h.DocxAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, language, version), CancellationToken.None)))!.Content;

    /// <summary>The document after LibreOffice opened it (and edited it, for "edit-annex") and saved it as .docx.</summary>
    private async Task<byte[]> LibreOfficeAsync(string verb, byte[] document)
    {
        var source = Path.Combine(database.Folder, $"{verb}-{Guid.NewGuid():N}.docx");
        var target = Path.ChangeExtension(source, ".lo.docx");
        await File.WriteAllBytesAsync(source, document);
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(Repository.Root, "scripts", "libreoffice", "uno-edit.py"), verb, source, target })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await output + await error);
        return await File.ReadAllBytesAsync(target);
    }

    /// <summary>A row's cells as comparable texts, in column order.</summary>
    private static List<(TableColumn, string)> Cells(TableRow row) =>
        row.Cells.Where(c => c.Key != TableColumn.ExecutionLevel).OrderBy(c => c.Key).Select(c => (c.Key, TrackedTableReader.Comparable(c.Value))).Where(c => c.Item2.Length > 0).ToList();

    private static void SameRows(IEnumerable<TableRow> expected, IEnumerable<TableRow> actual)
    {
        var want = expected.Select(r => (r.Section, Cells(r))).ToList();
        var got = actual.Select(r => (r.Section, Cells(r))).ToList();
        Assert.Equal(want.Count, got.Count);
        for (var i = 0; i < want.Count; i++)
        {
            Assert.Equal(want[i].Section, got[i].Section);
            Assert.Equal(want[i].Item2, got[i].Item2);
        }
    }

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Our_redline_saved_again_by_libre_office_reads_as_both_shipped_versions_with_the_revisions_row_counts(Language language)
    {
        var redline = await RedlineAsync(language);
        var resaved = await LibreOfficeAsync("resave", redline);
        var older = WordTableReader.Read(await PlainAsync(language, SeedFile.PtcPreviousLabel));
        var newer = WordTableReader.Read(await PlainAsync(language, SeedFile.PtcCurrentLabel));

        var read = TrackedTableReader.Read(resaved);

        AsShipped(read, language, older, newer);
        // LibreOffice keeps the cells' colours but drops the tracked cell-property changes (w:tcPrChange) that held the
        // old colours: only the newer version's levels survive its saving.
        Assert.All(read.Rows.Where(r => r.Section == Section.TimeBound), r => Assert.Equal(LevelWord(r.New), r.NewLevel));

        // Our own redline, as written, gives both versions' levels.
        var ours = TrackedTableReader.Read(redline);
        AsShipped(ours, language, older, newer);
        Assert.All(ours.Rows.Where(r => r.Section == Section.TimeBound), r =>
        {
            Assert.Equal(LevelWord(r.Old), r.OldLevel);
            Assert.Equal(LevelWord(r.New), r.NewLevel);
        });
        Assert.Contains(ours.Rows, r => r.OldLevel is not null && r.NewLevel is not null && r.OldLevel != r.NewLevel);
    }

    /// <summary>The level whose word the plain export writes in the coloured cell.</summary>
    private static ExecutionLevel? LevelWord(TableRow? row) =>
        row?.Cell(TableColumn.ExecutionLevel) is { } word ? ProgrammeTable.ParseLevel(word) : null;

    private static void AsShipped(TrackedTable read, Language language, TableFile older, TableFile newer)
    {
        Assert.Empty(read.Problems);
        Assert.Equal(language, read.Language);
        // The figures `wp compare --programme ptc-2022-2025 --from 2023-10 --to 2024-04` gives.
        Assert.Equal(16, read.Rows.Count(r => r.Reading == RowReading.Added));
        Assert.Equal(3, read.Rows.Count(r => r.Reading == RowReading.Retired));
        Assert.Equal(56, read.Rows.Count(r => r.Reading == RowReading.Renumbered));
        Assert.All(read.Rows, r => Assert.Null(r.Doubt));
        SameRows(older.Rows, read.Rows.Where(r => r.Old is not null).Select(r => r.Old!));
        SameRows(newer.Rows, read.Rows.Where(r => r.New is not null).Select(r => r.New!));
    }

    [Fact]
    public async Task Our_plain_annex_edited_in_libre_office_with_changes_recorded_reads_as_exactly_those_edits()
    {
        var plain = await PlainAsync(Language.Fr, SeedFile.PtcPreviousLabel);
        var edited = await LibreOfficeAsync("edit-annex", plain);

        var read = TrackedTableReader.Read(edited);

        Assert.Empty(read.Problems);
        var original = WordTableReader.Read(plain).Rows;
        SameRows(original, read.Rows.Where(r => r.Old is not null).Select(r => r.Old!));
        var changed = read.Rows.Where(r => r.Reading != RowReading.Kept || Cells(r.Old!).SequenceEqual(Cells(r.New!)) is false).ToList();
        Assert.Equal(4, changed.Count);
        var (retired, renumbered, reworded, added) = (changed[0], changed[1], changed[2], changed[3]);

        Assert.Equal((RowReading.Retired, "2."), (retired.Reading, retired.Old!.Cell(TableColumn.Number)));
        Assert.Equal((RowReading.Renumbered, "3.", "2."), (renumbered.Reading, renumbered.Old!.Cell(TableColumn.Number), renumbered.New!.Cell(TableColumn.Number)));
        Assert.Equal(RowReading.Kept, reworded.Reading);
        var before = reworded.Old!.Cell(TableColumn.Activity)!;
        Assert.Equal("Réviser" + before[before.IndexOfAny([' ', '\n'])..], reworded.New!.Cell(TableColumn.Activity));
        Assert.Equal((RowReading.Added, "99.", "Activité insérée par LibreOffice"), (added.Reading, added.New!.Cell(TableColumn.Number), added.New.Cell(TableColumn.Activity)));
        Assert.All(read.Rows, r => Assert.Null(r.Doubt));
        Assert.Equal(original.Count + 1, read.Rows.Count);
    }
}
