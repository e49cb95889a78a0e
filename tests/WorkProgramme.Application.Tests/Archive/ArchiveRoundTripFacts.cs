using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Archive;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Archive;

/// <summary>
/// The round trip of issue 21: our French redline of the PTC's revision 2023-10 → 2024-04, saved again by LibreOffice
/// (scripts/libreoffice/uno-edit.py resave), imported into an empty programme, compares like the shipped versions, and
/// both versions' texts equal the shipped ones after <see cref="TrackedTableReader.Comparable"/>.
/// </summary>
public sealed class ArchiveRoundTripFacts : IAsyncLifetime
{
    private const string Slug = "ptc-archive-libreoffice";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<byte[]> ResavedRedlineAsync()
    {
        var redline = (await database.RunAsync<ExportRedline.Handler, ExportRedline.File?>(h => h.HandleAsync(
            new ExportRedline.Query(Viewer.Anonymous, SeedFile.PtcSlug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel, Language.Fr),
            CancellationToken.None)))!.Content;
        var source = Path.Combine(database.Folder, "redline.docx");
        var target = Path.Combine(database.Folder, "redline.lo.docx");
        await File.WriteAllBytesAsync(source, redline);
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(Repository.Root, "scripts", "libreoffice", "uno-edit.py"), "resave", source, target })
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

    private Task<CompareVersions.Result?> CompareAsync(string slug) => database.RunAsync<CompareVersions.Handler, CompareVersions.Result?>(h =>
        h.HandleAsync(new CompareVersions.Query(Viewer.Operator, slug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel), CancellationToken.None));

    /// <summary>Each live row of a version: its label and its French texts as a document shows them (references as numbers), comparable.</summary>
    private async Task<List<string>> TextsAsync(string slug, string label)
    {
        var programme = await database.RunAsync<WorkProgrammeDb, Programme>(db =>
            db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities).SingleAsync(p => p.Slug == slug));
        var version = programme.Versions.Single(v => v.Label == label);
        string Shown(BilingualText text) => TrackedTableReader.Comparable(
            ActivityReferences.Render(text, (id, l) => ActivityReferenceNumbers.Text(version, id, l)).Fr);
        return version.Activities.Where(a => !a.IsDeleted).OrderBy(a => a.Section).ThenBy(a => a.Number)
            .Select(a => $"{ActivityLabel.Of(a)}|{Shown(a.Title)}|{Shown(a.Resources)}|{Shown(a.Kpi)}|{Shown(a.Deadline.Text)}").ToList();
    }

    [Fact]
    public async Task Our_redline_saved_again_by_libre_office_imports_as_the_shipped_revision()
    {
        var table = TrackedTableReader.Read(await ResavedRedlineAsync());

        var imported = await database.RunAsync<ImportArchive.Handler, Result<ImportArchive.Outcome>>(h => h.HandleAsync(new ImportArchive.Command(
            Viewer.Operator, table, "redline.lo.docx", Slug, "CTP", "2022-2025", SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel,
            "ctp-241-242", "ctp-243-244", null, "PC0756", Apply: true), CancellationToken.None));

        Assert.True(imported.Succeeded, string.Join(" ", imported.Problems.Select(p => p.En)) + string.Join(" ", imported.Value?.Problems.Select(p => p.Describe(Language.En)) ?? []));
        var shipped = (await CompareAsync(SeedFile.PtcSlug))!.Summary;
        var ours = (await CompareAsync(Slug))!.Summary;
        Assert.Equal((16, 3, 56), (shipped.Added, shipped.Retired, shipped.Renumbered));
        Assert.Equal((shipped.Added, shipped.Retired, shipped.Renumbered), (ours.Added, ours.Retired, ours.Renumbered));
        Assert.InRange(ours.Reworded, shipped.Reworded - 3, shipped.Reworded + 3);
        foreach (var label in new[] { SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel })
        {
            Assert.Equal(await TextsAsync(SeedFile.PtcSlug, label), await TextsAsync(Slug, label));
        }
    }
}
