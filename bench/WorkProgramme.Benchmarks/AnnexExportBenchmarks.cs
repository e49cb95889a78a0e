using BenchmarkDotNet.Attributes;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The Word annex of the whole PTC programme (94 activities, both sections, status report of April 2024): read from a
/// real SQLite file, built and written, as a download does it; and the writing alone, from a model already built.
/// </summary>
public class AnnexExportBenchmarks
{
    private TestDatabase database = null!;

    [Params(Language.Fr, Language.En)]
    public Language Language { get; set; }

    private AnnexDocument document = null!;

    [GlobalSetup]
    public void Setup()
    {
        database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        document = database.RunAsync<ExportAnnex.Handler, AnnexDocument?>(handler =>
            handler.BuildAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, Language), CancellationToken.None))
            .GetAwaiter().GetResult()!;
    }

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "docx annex of the PTC programme: read, build, write")]
    public Task<int> ExportDocxAsync() => database.RunAsync<ExportAnnex.Handler, int>(async handler =>
    {
        var file = await handler.DocxAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, Language), CancellationToken.None);
        return file!.Content.Length;
    });

    [Benchmark(Description = "docx annex of the PTC programme: write the built model")]
    public long WriteDocx()
    {
        using var buffer = new MemoryStream();
        AnnexDocx.Write(document, buffer);
        return buffer.Length;
    }
}
