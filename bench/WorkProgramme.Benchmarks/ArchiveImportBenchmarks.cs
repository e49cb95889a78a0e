using BenchmarkDotNet.Attributes;
using WorkProgramme.Application.Features.Archive;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The import of a 60-page Word programme with its tracked changes, end to end (issue 21: under 5 s): the document of
/// <see cref="TrackedReadBenchmarks"/> (the PTC redline grown to 63 pages) read, then imported as two versions of a new
/// programme on a SQLite file, every step of the write run (programme, both versions, status reports, audit) and rolled
/// back, so that each iteration imports the same document into the same empty slot.
/// </summary>
public class ArchiveImportBenchmarks
{
    private byte[] document = null!;
    private TestDatabase database = null!;

    [GlobalSetup]
    public void Setup()
    {
        database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        var redline = database.RunAsync<ExportRedline.Handler, ExportRedline.File?>(handler => handler.HandleAsync(
            new ExportRedline.Query(Viewer.Anonymous, SeedFile.PtcSlug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel, Language.Fr),
            CancellationToken.None)).GetAwaiter().GetResult()!;
        document = TrackedReadBenchmarks.Grown(redline.Content);
    }

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "import of a 60-page tracked-changes programme (read, both versions, reports, audit; preview: rolled back)")]
    public int Import()
    {
        var table = TrackedTableReader.Read(document);
        var outcome = database.RunAsync<ImportArchive.Handler, Result<ImportArchive.Outcome>>(h => h.HandleAsync(new ImportArchive.Command(
            Viewer.Operator, table, "tracked-60-pages.docx", "ptc-archive-bench", "CTP", "2022-2025", SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel,
            "ctp-241-242", "ctp-243-244"), CancellationToken.None)).GetAwaiter().GetResult();
        return outcome.Succeeded ? outcome.Value!.Rows.Count : throw new InvalidOperationException(string.Join(" ", outcome.Problems.Select(p => p.En)));
    }
}
